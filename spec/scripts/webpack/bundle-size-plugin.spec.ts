import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runWebpack } from '../../support/browser';

const { BundleSizePlugin } = require('../../../scripts/webpack/bundle-size-plugin') as {
  BundleSizePlugin: new (options: { sidebarBudgetBytes: number; log: (line: string) => void }) => object;
};

describe('BundleSizePlugin', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-size-'));
    // An entry of ~2 KB of incompressible text and a lazy chunk, so that the budget below is crossed.
    const noise = Array.from({ length: 2000 }, (_, i) => ((i * 7919) % 36).toString(36)).join('');
    fs.writeFileSync(path.join(dir, 'entry.js'), `console.log(${JSON.stringify(noise)}); import(/* webpackChunkName: "admin" */ './admin.js');`);
    fs.writeFileSync(path.join(dir, 'admin.js'), 'export default 1;');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the sidebar’s and the lazy chunks’ gzip sizes and warns over budget', async () => {
    const lines: string[] = [];
    const stats = await runWebpack({
      mode: 'production',
      context: dir,
      entry: './entry.js',
      output: { path: path.join(dir, 'out'), chunkFilename: '[name].js' },
      plugins: [new BundleSizePlugin({ sidebarBudgetBytes: 100, log: (line) => lines.push(line) }) as never],
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bundle size \(gzip\): sidebar initial \d+\.\d KB \(goal ≤ 0\.1 KB\), lazy chunks admin 0\.\d KB$/);
    expect(stats.compilation.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^The sidebar bundle is \d+\.\d KB gzip, over its 0\.1 KB goal\.$/)]);
  });
});
