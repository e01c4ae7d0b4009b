import fs from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';

/**
 * What goes into the upload, as zcli's createAppPkg decides: every file under the app directory except tmp/**
 * and, whatever anyone's .zcliignore says, zcli.apps.config.json (it holds local setting values, secrets included).
 */
export function packageEntries(appDir: string): string[] {
  const entries: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(appDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (child === 'tmp' || child === 'zcli.apps.config.json') continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) entries.push(child);
    }
  };
  walk('');
  return entries.sort();
}

/**
 * Writes the zip of `appDir` to `zipPath`. Entries get a fixed date so that the same dist/ gives the same bytes
 * (a reviewer can compare two builds by checksum).
 */
export function zipApp(appDir: string, zipPath: string): Promise<readonly string[]> {
  const entries = packageEntries(appDir);
  const zip = new ZipFile();
  const mtime = new Date(Date.UTC(2000, 0, 1));
  for (const entry of entries) zip.addFile(path.join(appDir, entry), entry, { mtime, mode: 0o100644 });
  fs.mkdirSync(path.dirname(zipPath), { recursive: true });
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(zipPath);
    out.on('close', () => resolve(entries));
    out.on('error', reject);
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
}
