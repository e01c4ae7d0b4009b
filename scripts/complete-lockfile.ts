/**
 * `npm run lockfile`: run after any `npm install` that changes dependencies.
 *
 * The npm registry this project installs from does not carry every platform build of packages that ship native
 * binaries as optional dependencies (@swc/core-darwin-arm64, @unrs/resolver-binding-win32-x64-msvc, …). npm then
 * leaves them out of package-lock.json, and `npm ci` refuses the lock as "not in sync". This adds a lock entry,
 * marked optional, for every optional dependency the lock lacks: `npm ci` accepts the lock, and installing such a
 * build fails quietly as any unavailable optional dependency does, while the build for this platform installs.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  optionalDependencies?: Record<string, string>;
}

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${path}/node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    lock.packages[top] = { version: range.replace(/^[\^~=]/, ''), ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${name}@${range}`);
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length === 0 ? 'package-lock.json is complete' : `added ${added.length} optional entries: ${added.join(', ')}`);
