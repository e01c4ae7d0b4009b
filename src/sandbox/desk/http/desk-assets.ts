import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import webpack from 'webpack';

/** The desk's browser scripts, built once when the desk starts. */
export interface DeskAssets {
  /** The desk's page script (browser/desk-entry.ts). */
  readonly deskJs: string;
  /** The npm ZAF SDK as one script defining `window.ZAFClient`: served in place of Zendesk's CDN copy. */
  readonly zafSdkJs: string;
}

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * Bundles the desk script and the SDK with webpack (production, so both are small). webpack's filesystem cache
 * under node_modules/.cache makes every start after the first take well under a second.
 */
export async function buildDeskAssets(): Promise<DeskAssets> {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-desk-assets-'));
  try {
    await run({
      mode: 'production',
      context: ROOT,
      devtool: false,
      entry: {
        desk: path.join(__dirname, '../browser/desk-entry.ts'),
        'zaf-sdk': { import: require.resolve('zendesk_app_framework_sdk/lib/index.js'), library: { name: 'ZAFClient', type: 'window' } },
      },
      output: { path: outputPath, filename: '[name].js' },
      resolve: { extensions: ['.ts', '.js'] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: 'swc-loader', options: { jsc: { parser: { syntax: 'typescript' }, target: 'es2020' } } },
          },
        ],
      },
      cache: { type: 'filesystem', cacheDirectory: path.join(ROOT, 'node_modules/.cache/sla-desk-webpack'), buildDependencies: { config: [__filename] } },
      performance: { hints: false },
      infrastructureLogging: { level: 'error' },
    });
    const read = (name: string) => fs.readFileSync(path.join(outputPath, name), 'utf8');
    return { deskJs: read('desk.js'), zafSdkJs: read('zaf-sdk.js') };
  } finally {
    fs.rmSync(outputPath, { recursive: true, force: true });
  }
}

function run(config: webpack.Configuration): Promise<void> {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config);
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}
