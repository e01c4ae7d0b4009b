import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { packageEntries, zipApp } from '../../../scripts/package/zip-app';

/** Every entry of a zip with its bytes, read back with an independent unzipper. */
function readZip(zipPath: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, string>();
    yauzl.open(zipPath, { lazyEntries: true }, (openError, zip) => {
      if (openError || !zip) return reject(openError);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('zipApp', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-zip-'));
    const write = (name: string, content: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, 'app', name)), { recursive: true });
      fs.writeFileSync(path.join(dir, 'app', name), content);
    };
    write('manifest.json', '{"name":"x"}');
    write('assets/iframe.html', '<!doctype html>');
    write('translations/en.json', '{"app":{"name":"x"}}');
    write('tmp/app-0.0.1.zip', 'an older package');
    write('zcli.apps.config.json', '{"parameters":{"sharedSecret":"s3cret"}}');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('packs everything but tmp/ and zcli.apps.config.json, which may hold secrets', async () => {
    const zipPath = path.join(dir, 'out', 'app.zip');
    const entries = await zipApp(path.join(dir, 'app'), zipPath);
    expect(entries).toEqual(['assets/iframe.html', 'manifest.json', 'translations/en.json']);
    const files = await readZip(zipPath);
    expect(Object.fromEntries(files)).toEqual({
      'assets/iframe.html': '<!doctype html>',
      'manifest.json': '{"name":"x"}',
      'translations/en.json': '{"app":{"name":"x"}}',
    });
  });

  it('gives the same bytes for the same files', async () => {
    const sha = async (name: string) => {
      const zipPath = path.join(dir, name);
      await zipApp(path.join(dir, 'app'), zipPath);
      return crypto.createHash('sha256').update(fs.readFileSync(zipPath)).digest('hex');
    };
    expect(await sha('a.zip')).toBe(await sha('b.zip'));
  });

  it('lists entries with forward slashes relative to the app directory', () => {
    expect(packageEntries(path.join(dir, 'app'))).toEqual(['assets/iframe.html', 'manifest.json', 'translations/en.json']);
  });
});
