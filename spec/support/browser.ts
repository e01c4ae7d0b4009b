/**
 * Browser tests: Debian's headless Chromium through playwright-core, offline. Every request that is not for the
 * test's own 127.0.0.1 server is refused, except Zendesk's CDN copy of the ZAF SDK, which is answered with the
 * npm `zendesk_app_framework_sdk` (a CommonJS fork of the same protocol, bundled here for the browser). We never
 * vendor Zendesk's official SDK.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { launchChromium, type Chromium } from '../../scripts/chromium';

export const ZAF_SDK_CDN_URL = 'https://static.zdassets.com/zendesk_app_framework_sdk/2.0/zaf_sdk.min.js';
const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOT_DIR = path.join(ROOT, 'test-output', 'screenshots');

/** Chromium with the SDK route in place and everything else off this machine refused. */
export async function launchBrowser(): Promise<Chromium> {
  const browser = await launchChromium();
  const sdk = await zafSdkBundle();
  // Later routes take precedence: the catch-all goes first.
  await browser.context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort('blockedbyclient');
  });
  await browser.context.route(ZAF_SDK_CDN_URL, (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: sdk }),
  );
  return browser;
}

let sdkBundle: Promise<string> | undefined;

/** The npm SDK bundled into one script that defines `window.ZAFClient`, as the CDN script does. */
export function zafSdkBundle(): Promise<string> {
  sdkBundle ??= bundleForBrowser({
    entry: require.resolve('zendesk_app_framework_sdk/lib/index.js'),
    library: 'ZAFClient',
  });
  return sdkBundle;
}

/** Bundles one browser entry (TypeScript or CommonJS) into a single script, in memory, with webpack. */
export async function bundleForBrowser(options: { entry: string; library?: string }): Promise<string> {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-bundle-'));
  try {
    await runWebpack({
      mode: 'development',
      devtool: false,
      context: ROOT,
      entry: options.entry,
      output: {
        path: outputPath,
        filename: 'bundle.js',
        ...(options.library ? { library: { name: options.library, type: 'window' } } : {}),
      },
      resolve: { extensions: ['.ts', '.tsx', '.js'] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2020' } } },
          },
        ],
      },
    });
    return fs.readFileSync(path.join(outputPath, 'bundle.js'), 'utf8');
  } finally {
    fs.rmSync(outputPath, { recursive: true, force: true });
  }
}

export function runWebpack(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (!stats) return reject(new Error('webpack returned no stats'));
      if (stats.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve(stats);
    });
  });
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  close(): Promise<void>;
}

/** A local HTTP server on an ephemeral port of 127.0.0.1. */
export async function startTestServer(handler: http.RequestListener): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    Promise.resolve(handler(request, response)).catch((cause: unknown) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(String(cause));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain',
};

/** Serves `relativePath` from `dir` (no escaping it); false if there is no such file. */
export function serveFile(dir: string, relativePath: string, response: http.ServerResponse): boolean {
  const file = path.resolve(dir, `.${path.posix.normalize(`/${relativePath}`)}`);
  if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return false;
  response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
  response.end(fs.readFileSync(file));
  return true;
}

/** Saves a screenshot (of `selector`'s element, else the page) to test-output/screenshots/<name>.png. */
export async function saveScreenshot(page: Page, name: string, selector?: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file });
  return file;
}
