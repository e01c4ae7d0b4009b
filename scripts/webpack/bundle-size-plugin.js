// @ts-check
/**
 * Prints what an agent's browser downloads for the ticket sidebar (the entry's initial chunks) and for the admin page
 * (the lazy chunks), gzipped, and warns when the sidebar passes its budget. Sizes are measured on the emitted
 * JavaScript, the way a CDN serves it (gzip level 9).
 */
const zlib = require('node:zlib');

class BundleSizePlugin {
  /** @param {{ sidebarBudgetBytes: number, log?: (line: string) => void }} options */
  constructor(options) {
    this.sidebarBudgetBytes = options.sidebarBudgetBytes;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('BundleSizePlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'BundleSizePlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const report = measure(compilation);
          this.log(
            `bundle size (gzip): sidebar initial ${kb(report.initial)} KB (goal ≤ ${kb(this.sidebarBudgetBytes)} KB), ` +
              `lazy chunks ${report.lazy.map(([name, bytes]) => `${name} ${kb(bytes)} KB`).join(', ') || 'none'}`,
          );
          if (report.initial > this.sidebarBudgetBytes) {
            compilation.warnings.push(
              new compiler.webpack.WebpackError(
                `The sidebar bundle is ${kb(report.initial)} KB gzip, over its ${kb(this.sidebarBudgetBytes)} KB goal.`,
              ),
            );
          }
        },
      );
    });
  }
}

/**
 * @param {import('webpack').Compilation} compilation
 * @returns {{ initial: number, lazy: Array<[string, number]> }}
 */
function measure(compilation) {
  let initial = 0;
  /** @type {Array<[string, number]>} */
  const lazy = [];
  for (const chunk of compilation.chunks) {
    const bytes = [...chunk.files]
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSize(compilation.getAsset(file)?.source.buffer()), 0);
    if (chunk.canBeInitial()) initial += bytes;
    else lazy.push([chunk.name ?? String(chunk.id), bytes]);
  }
  return { initial, lazy };
}

/** @param {Buffer | undefined} buffer */
const gzipSize = (buffer) => (buffer ? zlib.gzipSync(buffer, { level: 9 }).length : 0);
/** @param {number} bytes */
const kb = (bytes) => (bytes / 1024).toFixed(1);

module.exports = { BundleSizePlugin, measure };
