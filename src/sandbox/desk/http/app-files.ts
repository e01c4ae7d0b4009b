import fs from 'node:fs';
import path from 'node:path';

/** Zendesk's CDN copy of the ZAF SDK, which the app's iframe.html loads (and which this machine cannot reach). */
const ZAF_SDK_CDN = /https:\/\/static\.zdassets\.com\/zendesk_app_framework_sdk\/[^\s"'>]+/g;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppFile {
  readonly contentType: string;
  readonly body: Buffer | string;
}

/**
 * A file of the built app (dist/), as Zendesk's app CDN would serve it, except that HTML pages load the SDK from
 * the desk (`sdkUrl`, the npm build) instead of Zendesk's CDN. Null for anything outside `distDir` or missing.
 */
export function readAppFile(distDir: string, relativePath: string, sdkUrl: string): AppFile | null {
  const root = path.resolve(distDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${relativePath}`)}`);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return null;
  const extension = path.extname(file);
  const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  if (extension !== '.html') return { contentType, body: fs.readFileSync(file) };
  return { contentType, body: fs.readFileSync(file, 'utf8').replace(ZAF_SDK_CDN, sdkUrl) };
}
