import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appBuildProblem } from '../../src/cli/app-build';

describe('appBuildProblem', () => {
  let root: string;
  const write = (file: string, mtimeSeconds: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, file);
    fs.utimesSync(full, mtimeSeconds, mtimeSeconds);
  };
  const built = (at: number) => ['dist/manifest.json', 'dist/assets/iframe.html', 'dist/assets/app.js'].forEach((f) => write(f, at));

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-build-'));
    write('src/app/index.tsx', 1000);
    write('src/core/index.ts', 1000);
    write('manifest.json', 1000);
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('says missing when dist/ lacks an output', () => {
    write('dist/manifest.json', 2000);
    expect(appBuildProblem(root, path.join(root, 'dist'))).toBe('missing');
  });

  it('says nothing when the build is newer than every source', () => {
    built(2000);
    expect(appBuildProblem(root, path.join(root, 'dist'))).toBeNull();
  });

  it('says stale when a source deep in src/core changed after the build', () => {
    built(2000);
    write('src/core/time/business-time.ts', 3000);
    expect(appBuildProblem(root, path.join(root, 'dist'))).toBe('stale');
  });
});
