/**
 * The host side of ZAF v2 against the SDK itself (the npm build, in place of Zendesk's CDN copy), in headless
 * Chromium: a bare app page calls the SDK, the host answers. What the sidebar and admin page will rely on:
 * get/set/invoke, events, the ticket.save hook and request done/fail.
 */
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { Chromium } from '../../../../scripts/chromium';
import type { HostPageConfig } from '../../../../src/sandbox/desk/zaf-host/host-page-entry';
import { createZafProxy } from '../../../../src/sandbox/desk/zaf-host/proxy';
import { zafProxyEndpoint } from '../../../../src/sandbox/desk/zaf-host/proxy-endpoint';
import { bundleForBrowser, launchBrowser, startTestServer, ZAF_SDK_CDN_URL, type TestServer } from '../../../support/browser';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');
const SDK_APP = `<!doctype html><html><head><script src="${ZAF_SDK_CDN_URL}"></script></head>
<body><script>window.client = ZAFClient.init(); window.seen = []; client.on('app.registered', () => { window.registered = true; });</script></body></html>`;

let server: TestServer;
let browser: Chromium;
let hostScript: string;

function hostPage(origin: string): string {
  const config: HostPageConfig = {
    appUrl: `${origin}/sdk-app.html`,
    appGuid: 'guid-1',
    context: { product: 'support', location: 'ticket_sidebar', account: { subdomain: 'sandbox' }, ticketId: 5 },
    metadata: { appId: 9, installationId: 3, name: 'SLA Clock', version: '0.1.0', settings: { serverUrl: `${origin}/api` } },
    model: {
      ticket: { id: 5, subject: 'Help', status: 'open', priority: 'normal', type: null, tags: ['a'], customFields: { 77: 'x' }, updatedAt: '2026-11-20T10:00:00Z' },
      currentUser: { id: 1, name: 'A', email: 'a@example.com', locale: 'en', timeZone: { name: 'UTC', ianaName: 'Etc/UTC', offset: 0, formattedOffset: 'GMT+00:00' }, role: 'admin' },
      requirements: { sla_policy: { requirement_id: 77, requirement_type: 'ticket_fields' } },
    },
    proxyUrl: `${origin}/zaf-proxy`,
  };
  return `<!doctype html><html><body><iframe id="zaf-app"></iframe>
<script type="application/json" id="zaf-host-config">${JSON.stringify(config)}</script><script src="/host.js"></script></body></html>`;
}

beforeAll(async () => {
  hostScript = await bundleForBrowser({ entry: path.join(ROOT, 'src/sandbox/desk/zaf-host/host-page-entry.ts') });
  let proxy: ReturnType<typeof zafProxyEndpoint> = async () => undefined;
  server = await startTestServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const send = (type: string, body: string, status = 200) => {
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    };
    if (url.pathname === '/host.html') return send('text/html', hostPage(server.origin));
    if (url.pathname === '/host.js') return send('application/javascript', hostScript);
    if (url.pathname === '/sdk-app.html') return send('text/html', SDK_APP);
    if (url.pathname === '/zaf-proxy') return proxy(request, response);
    if (url.pathname === '/api/ok') return send('application/json', '{"hello":"world"}');
    if (url.pathname === '/api/teapot') return send('application/json', '{"error":{"code":"teapot"}}', 418);
    send('text/plain', 'not found', 404);
  });
  proxy = zafProxyEndpoint(createZafProxy({ settings: {}, domainWhitelist: ['127.0.0.1'] }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let page: Page;
let app: Frame;

beforeEach(async () => {
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/host.html`);
  await page.waitForFunction(() => window.zafHost !== undefined);
  await page.evaluate(() => window.zafHost?.registered);
  const frame = page.frame({ url: /sdk-app\.html/ });
  if (!frame) throw new Error('the app frame did not load');
  app = frame;
  await app.waitForFunction(() => (window as unknown as { registered?: boolean }).registered === true);
});
afterEach(() => page.close());

/** Runs `body` in the app frame with the SDK client as `client`. */
const inApp = <T>(body: string): Promise<T> => app.evaluate(`(async () => { const client = window.client; ${body} })()`) as Promise<T>;

describe('the ZAF host, driven by the SDK', () => {
  it('registers the app with its context and public metadata', async () => {
    expect(await inApp('return [await client.context(), await client.metadata()];')).toEqual([
      { product: 'support', location: 'ticket_sidebar', account: { subdomain: 'sandbox' }, ticketId: 5, instanceGuid: 'guid-1' },
      { appId: 9, installationId: 3, name: 'SLA Clock', version: '0.1.0', settings: { serverUrl: `${server.origin}/api` } },
    ]);
  });

  it('answers get for ticket, user, custom field and requirement paths, and rejects an unknown one by name', async () => {
    const result = await inApp<Record<string, unknown>>(
      "return await client.get(['ticket.id', 'ticket.tags', 'currentUser.locale', 'ticket.customField:custom_field_77', 'requirement:sla_policy']);",
    );
    expect(result).toEqual({
      'ticket.id': 5,
      'ticket.tags': ['a'],
      'currentUser.locale': 'en',
      'ticket.customField:custom_field_77': 'x',
      'requirement:sla_policy': { requirement_id: 77, requirement_type: 'ticket_fields' },
      errors: {},
    });
    expect(await inApp("try { await client.get('ticket.nope'); return 'resolved'; } catch (e) { return e.message; }")).toBe(
      '"ticket.nope" is not available',
    );
  });

  it('applies set to the ticket and tells subscribers what changed', async () => {
    await inApp("client.on('ticket.priority.changed', (p) => window.seen.push(['priority', p])); return true;");
    await page.evaluate(() => window.zafHost?.whenSubscribed('ticket.priority.changed'));
    await inApp("await client.set('ticket.priority', 'urgent'); return true;");
    expect(await inApp("return (await client.get('ticket.priority'))['ticket.priority'];")).toBe('urgent');
    await app.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length === 1);
    expect(await inApp('return window.seen;')).toEqual([['priority', 'urgent']]);
  });

  it('delivers events the desk emits, e.g. a status changed by the agent', async () => {
    await inApp("client.on('ticket.status.changed', (s) => window.seen.push(['status', s])); return true;");
    await page.evaluate(() => window.zafHost?.whenSubscribed('ticket.status.changed'));
    await page.evaluate(() => window.zafHost?.set('ticket.status', 'pending'));
    await app.waitForFunction(() => (window as unknown as { seen: unknown[] }).seen.length === 1);
    expect(await inApp('return window.seen;')).toEqual([['status', 'pending']]);
  });

  it('asks the ticket.save hook and hears the app refuse, or accept', async () => {
    expect(await page.evaluate(() => window.zafHost?.hook('ticket.save'))).toEqual({ accepted: true });
    await inApp("client.on('ticket.save', () => 'Fill in the SLA reason first'); return true;");
    await page.evaluate(() => window.zafHost?.whenSubscribed('ticket.save'));
    expect(await page.evaluate(() => window.zafHost?.hook('ticket.save'))).toEqual({ accepted: false, message: 'Fill in the SLA reason first' });
  });

  it('performs requests through the proxy: done with the body or the complete response, fail with the status', async () => {
    const origin = server.origin;
    expect(await inApp(`return await client.request({ url: '${origin}/api/ok' });`)).toEqual({ hello: 'world' });
    expect(await inApp(`const r = await client.request({ url: '${origin}/api/ok', httpCompleteResponse: true }); return [r.status, r.responseJSON];`)).toEqual([
      200,
      { hello: 'world' },
    ]);
    expect(await inApp(`try { await client.request({ url: '${origin}/api/teapot' }); } catch (e) { return [e.status, e.responseJSON]; }`)).toEqual([
      418,
      { error: { code: 'teapot' } },
    ]);
  });

  it('resizes the iframe on invoke and refuses what the sandbox cannot do', async () => {
    await inApp("await client.invoke('resize', { width: '100%', height: '123px' }); return true;");
    expect(await page.locator('#zaf-app').evaluate((iframe: HTMLIFrameElement) => iframe.style.height)).toBe('123px');
    expect(await inApp("try { await client.invoke('instances.create', 'x'); return 'resolved'; } catch (e) { return e.message; }")).toBe(
      '"instances.create" is not supported by the sandbox desk',
    );
  });

  it('opens a ticket on routeTo, as Zendesk opens its tab: the desk navigates to its ticket page', async () => {
    const navigation = page.waitForURL(/\/tickets\/42$/);
    await inApp("client.invoke('routeTo', 'ticket', 42); return true;");
    await navigation;
    expect(new URL(page.url()).pathname).toBe('/tickets/42');
  });
});
