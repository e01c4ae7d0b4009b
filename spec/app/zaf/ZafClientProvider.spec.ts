/**
 * The app's ZAF edge in headless Chromium, through the real protocol: the built app (webpack) in an iframe of a
 * host page running src/sandbox/desk/zaf-host, the npm ZAF SDK in place of Zendesk's CDN copy, and the desk's
 * proxy (node) between the app and a stand-in for our server that checks the JWT.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { jwtVerify, decodeProtectedHeader } from 'jose';
import type { Page } from 'playwright-core';
import type { Chromium } from '../../../scripts/chromium';
import type { HostPageConfig } from '../../../src/sandbox/desk/zaf-host/host-page-entry';
import { createZafProxy } from '../../../src/sandbox/desk/zaf-host/proxy';
import { zafProxyEndpoint } from '../../../src/sandbox/desk/zaf-host/proxy-endpoint';
import { publicSettings } from '../../../src/sandbox/desk/zaf-host/public-settings';
import { bundleForBrowser, launchBrowser, runWebpack, saveScreenshot, serveFile, startTestServer, type TestServer } from '../../support/browser';
import { assessAt } from '../../../src/app/locations/ticket-sidebar/live-sla';
import { liveInputs, monday, slaInputs } from '../locations/ticket-sidebar/sla-fixture';

const { createWebpackConfig } = require('../../../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'development'; outputPath: string; log: (line: string) => void }) => object;
};

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const SECRET = `test-secret-${crypto.randomBytes(12).toString('hex')}`;
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'manifest.json'), 'utf8')) as { parameters: { name: string; secure?: boolean }[] };

interface SeenRequest {
  readonly authorization: string | undefined;
  readonly claims: Record<string, unknown>;
  readonly algorithm: string | undefined;
  readonly path: string;
}

let workDir: string;
let server: TestServer;
let browser: Chromium;
let hostScript: string;
const seen: SeenRequest[] = [];
let releaseSla: () => void = () => undefined;
let slaGate: Promise<void> = Promise.resolve();

/** Our server's stand-in: verifies the proxy's JWT with the shared secret, then answers once the test lets it. */
let failuresToServe = 0;

async function answerTicketSla(request: IncomingMessage, response: ServerResponse, url: URL) {
  if (failuresToServe > 0) {
    failuresToServe -= 1;
    response.writeHead(503, { 'content-type': 'application/json' });
    return void response.end(JSON.stringify({ error: { code: 'starting', message: 'warming up' } }));
  }
  const authorization = request.headers.authorization;
  const token = authorization?.replace(/^Bearer /, '') ?? '';
  const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
  seen.push({ authorization, claims: payload, algorithm: decodeProtectedHeader(token).alg, path: url.pathname });
  await slaGate;
  response.writeHead(200, { 'content-type': 'application/json' });
  // What our server answers (src/server/http/routes/ticket-sla.ts), as of Monday 10:00 on its clock.
  const serverNow = monday('10:00');
  const assessment = assessAt(liveInputs(), serverNow);
  response.end(JSON.stringify({ ticketId: '42', serverNow, policy: { id: 'standard', title: 'Standard' }, assessment, inputs: slaInputs() }));
}

function hostPage(config: HostPageConfig): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Sandbox desk</title></head>
<body style="margin:0;font-family:sans-serif;background:#f8f9f9">
<div style="width:340px"><iframe id="zaf-app" title="SLA Clock" style="width:100%;height:260px;border:0;background:#fff"></iframe></div>
<script type="application/json" id="zaf-host-config">${json}</script><script src="/host.js"></script></body></html>`;
}

function configFor(locale: string, serverUrl: string, location: 'ticket_sidebar' | 'nav_bar' = 'ticket_sidebar'): HostPageConfig {
  return {
    appUrl: `${server.origin}/app/assets/iframe.html`,
    appGuid: 'test-app-guid',
    context:
      location === 'ticket_sidebar'
        ? { product: 'support', location, account: { subdomain: 'sandbox' }, ticketId: 42 }
        : { product: 'support', location, account: { subdomain: 'sandbox' } },
    metadata: {
      appId: 1,
      installationId: 1,
      name: 'SLA Clock',
      version: '0.1.0',
      settings: publicSettings(manifest.parameters, { serverUrl, sharedSecret: SECRET }),
    },
    model: {
      ticket: { id: 42, subject: 'Printer on fire', status: 'open', priority: 'high', type: 'incident', tags: [], customFields: {}, updatedAt: '2026-11-20T10:00:00Z' },
      currentUser: {
        id: 7,
        name: 'Agent Seven',
        email: 'seven@example.com',
        locale,
        timeZone: { name: 'Tokyo', ianaName: 'Asia/Tokyo', offset: 540, formattedOffset: 'GMT+09:00' },
        role: 'agent',
      },
      requirements: {},
    },
    proxyUrl: `${server.origin}/zaf-proxy`,
  };
}

let pages: Record<string, HostPageConfig> = {};

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-app-'));
  const appDir = path.join(workDir, 'app');
  await runWebpack(createWebpackConfig({ mode: 'development', outputPath: appDir, log: () => undefined }));
  hostScript = await bundleForBrowser({ entry: path.join(ROOT, 'src/sandbox/desk/zaf-host/host-page-entry.ts') });

  let proxy: ReturnType<typeof zafProxyEndpoint> = async () => undefined;
  server = await startTestServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/app/') && serveFile(appDir, url.pathname.slice(5), response)) return;
    if (url.pathname === '/host.js') {
      response.writeHead(200, { 'content-type': 'application/javascript' });
      return void response.end(hostScript);
    }
    const page = /^\/desk\/(\w+)\.html$/.exec(url.pathname)?.[1];
    if (page && pages[page]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return void response.end(hostPage(pages[page]));
    }
    if (url.pathname === '/zaf-proxy') return proxy(request, response);
    if (/^\/sla\/api\/tickets\/\d+\/sla$/.test(url.pathname)) return answerTicketSla(request, response, url);
    response.writeHead(404);
    response.end();
  });
  const closedPort = await startTestServer(() => undefined).then(async (s) => (await s.close(), s.origin));
  proxy = zafProxyEndpoint(
    createZafProxy({
      settings: { serverUrl: `${server.origin}/sla`, sharedSecret: SECRET },
      domainWhitelist: ['127.0.0.1'],
    }),
  );
  pages = {
    en: configFor('en-US', `${server.origin}/sla`),
    ja: configFor('ja', `${server.origin}/sla`),
    down: configFor('en-US', `${closedPort}/sla`),
    admin: configFor('es', `${server.origin}/sla`, 'nav_bar'),
  };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

beforeEach(() => {
  seen.length = 0;
  failuresToServe = 0;
  slaGate = new Promise((resolve) => (releaseSla = resolve));
});
afterEach(() => releaseSla());

async function openDesk(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/desk/${name}.html`);
  await page.waitForFunction(() => window.zafHost !== undefined);
  await page.evaluate(() => window.zafHost?.registered);
  return page;
}

describe('the app inside a ZAF host', () => {
  it('registers, reads the ticket id with get, shows "Loading SLA…", then the server’s answer', async () => {
    const page = await openDesk('en');
    const app = page.frameLocator('#zaf-app');
    await app.getByText('Ticket #42').waitFor();
    await app.getByText('Loading SLA…').waitFor();
    await saveScreenshot(page, 'sidebar-loading-en', '#zaf-app');
    releaseSla();
    await app.getByText('Policy: Standard').waitFor();
    await saveScreenshot(page, 'sidebar-policy-en', '#zaf-app');
    await page.close();
  });

  it('speaks Japanese to an agent whose Zendesk locale is ja', async () => {
    const page = await openDesk('ja');
    const app = page.frameLocator('#zaf-app');
    await app.getByText('チケット #42').waitFor();
    await app.getByText('SLA を読み込み中…').waitFor();
    await saveScreenshot(page, 'sidebar-loading-ja', '#zaf-app');
    releaseSla();
    await app.getByText('ポリシー: Standard').waitFor();
    await page.close();
  });

  it('reaches our server through the proxy with a JWT signed by the secure setting, which the iframe never sees', async () => {
    const page = await openDesk('en');
    releaseSla();
    await page.frameLocator('#zaf-app').getByText('Policy: Standard').waitFor();
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.path).toBe('/sla/api/tickets/42/sla');
    expect(request?.algorithm).toBe('HS256');
    expect(request?.claims).toMatchObject({ iss: 'sandbox', sub: '7' });
    expect(Number(request?.claims.exp) - Number(request?.claims.iat)).toBe(300);

    const posted = await page.evaluate(() => window.zafHost?.posted.join('\n') ?? '');
    expect(posted).toContain('"serverUrl"');
    expect(posted).not.toContain(SECRET);
    expect(posted).not.toContain('sharedSecret');
    const iframeUrl = await page.locator('#zaf-app').getAttribute('src');
    expect(iframeUrl).not.toContain(SECRET);
    expect(await page.content()).not.toContain(SECRET);
    const appHtml = await page.frameLocator('#zaf-app').locator('html').innerHTML();
    expect(appHtml).not.toContain(SECRET);
    await page.close();
  });

  it('shows the admin page, loaded as its own chunk, at the nav_bar location', async () => {
    const page = await openDesk('admin');
    await page.setViewportSize({ width: 1024, height: 500 });
    await page.locator('#zaf-app').evaluate((iframe: HTMLIFrameElement) => {
      if (iframe.parentElement) iframe.parentElement.style.width = '900px';
      iframe.style.height = '400px';
    });
    const app = page.frameLocator('#zaf-app');
    for (const tab of ['Políticas', 'Horarios', 'Notificaciones', 'Informes']) await app.getByRole('tab', { name: tab }).waitFor();
    await app.getByRole('tab', { name: 'Horarios' }).click();
    await app.getByText('Los horarios fijan las horas laborables').waitFor();
    await saveScreenshot(page, 'admin-schedules-es', '#zaf-app');
    await page.close();
  });

  it('explains itself when opened outside Zendesk (no origin or app_guid to handshake with)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/app/assets/iframe.html`);
    await page.getByText('This page is the SLA Clock app and only works inside Zendesk.').waitFor();
    await page.close();
  });

  it('says so when our server cannot be reached, and when it will retry', async () => {
    const page = await openDesk('down');
    const app = page.frameLocator('#zaf-app');
    await app.getByText('The SLA server cannot be reached.').waitFor();
    await app.getByText(/Retrying in \d seconds…/).waitFor();
    // The sidebar asked the host (invoke resize) to make the iframe as tall as its content, notice included.
    const contentHeight = await app.locator('body').evaluate((body) => Math.ceil(body.getBoundingClientRect().height));
    await page.waitForFunction((height) => document.getElementById('zaf-app')?.style.height === height, `${contentHeight}px`);
    expect(contentHeight).toBeGreaterThan(100);
    await saveScreenshot(page, 'sidebar-server-down-en', '#zaf-app');
    await app.getByText('Retrying in 4 seconds…').waitFor();
    await page.close();
  });

  it('tries again when asked, and shows the answer once the server is back', async () => {
    failuresToServe = 1;
    releaseSla();
    const page = await openDesk('en');
    const app = page.frameLocator('#zaf-app');
    await app.getByText('The SLA server cannot be reached.').waitFor();
    await app.getByRole('button', { name: 'Retry now' }).click();
    await app.getByText('Policy: Standard').waitFor();
    expect(await app.getByText('The SLA server cannot be reached.').count()).toBe(0);
    await page.close();
  });
});
