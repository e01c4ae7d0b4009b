/**
 * `npm run package [dir]`: zips the built app (default dist/) into tmp/app-<version>.zip, offline. zcli
 * apps:package would build the same archive and then upload it to Zendesk for validation; we validate first with
 * scripts/validate-app.ts and never need credentials.
 */
import fs from 'node:fs';
import path from 'node:path';
import { packageFilesAt } from './validate/package-files';
import { formatProblem } from './validate/problem';
import { validatePackage } from './validate/validate-package';
import { zipApp } from './package/zip-app';

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const appDir = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
  if (!fs.existsSync(path.join(appDir, 'manifest.json'))) {
    console.error(`${appDir} has no manifest.json: run npm run build first`);
    return 1;
  }
  const errors = validatePackage(packageFilesAt(appDir)).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const problem of errors) console.error(formatProblem(problem));
    return 1;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8')) as { version?: string };
  const zipPath = path.join(root, 'tmp', `app-${version ?? 'unversioned'}.zip`);
  const entries = await zipApp(appDir, zipPath);
  console.log(`${path.relative(process.cwd(), zipPath)}: ${entries.length} files, ${fs.statSync(zipPath).size} bytes`);
  return 0;
}

main().then((code) => {
  process.exitCode = code;
});
