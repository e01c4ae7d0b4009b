import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The core is pure and isomorphic (DESIGN.md): its tsconfig already refuses DOM and Node types; this guards what a
 * type checker cannot see: reading the clock, randomness, and imports of anything but luxon, zod and its own files.
 */
const coreRoot = join(__dirname, '../../src/core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const banned: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bDateTime\.(now|local)\s*\(/, 'reads the clock: take `now` as an argument'],
  [/\bDate\.now\s*\(/, 'reads the clock: take `now` as an argument'],
  [/\bnew Date\s*\(\s*\)/, 'reads the clock: take `now` as an argument'],
  [/\bMath\.random\s*\(/, 'randomness must come in as an argument'],
  [/\bSettings\.\w+\s*=/, 'changes luxon globals: only entry points may'],
];

/** Packages the core may use; relative imports must stay inside src/core. */
const allowedPackages = new Set(['luxon', 'zod']);

function isAllowedImport(file: string, specifier: string): boolean {
  if (!specifier.startsWith('.')) return allowedPackages.has(specifier);
  return !relative(coreRoot, resolve(dirname(file), specifier)).startsWith('..');
}

describe('src/core boundary', () => {
  const files = sourceFiles(coreRoot);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(coreRoot, f), f]))('%s reads no clock, no randomness, no globals', (_name, file) => {
    const offences = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        line.trimStart().startsWith('//') || line.trimStart().startsWith('*')
          ? []
          : banned.filter(([re]) => re.test(line)).map(([, why]) => `line ${i + 1}: ${why}: ${line.trim()}`),
      );
    expect(offences).toEqual([]);
  });

  it.each(files.map((f) => [relative(coreRoot, f), f]))('%s imports only luxon, zod and files inside src/core', (_name, file) => {
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !isAllowedImport(file, s ?? ''))).toEqual([]);
  });
});
