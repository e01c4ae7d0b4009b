// @ts-check
/**
 * Builds the Zendesk app package into dist/: the React app (src/app, TypeScript through swc) as assets/*.js with
 * assets/iframe.html, plus manifest.json, requirements.json, translations/ and the logos (PackageFilesPlugin).
 * The admin page is a lazy chunk so that the ticket sidebar, opened on every ticket, stays small.
 *
 * `npm run build` = `webpack --mode production`. Tests call createWebpackConfig({ mode, outputPath }) directly.
 */
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { PackageFilesPlugin } = require('./scripts/webpack/package-files-plugin');
const { BundleSizePlugin } = require('./scripts/webpack/bundle-size-plugin');

const ROOT = __dirname;
const SIDEBAR_BUDGET_BYTES = 200 * 1024;

/**
 * @param {{ mode: 'production' | 'development', outputPath?: string, serverDomains?: readonly string[], log?: (line: string) => void }} options
 * @returns {import('webpack').Configuration}
 */
function createWebpackConfig({ mode, outputPath = path.join(ROOT, 'dist'), serverDomains, log }) {
  return {
    mode,
    context: ROOT,
    entry: { app: './src/app/index.tsx' },
    output: {
      path: outputPath,
      filename: 'assets/[name].js',
      chunkFilename: 'assets/[name].[contenthash:8].js',
      // Zendesk serves the package under a per-version URL; chunks load relative to the script that asks for them.
      publicPath: 'auto',
      clean: true,
    },
    devtool: mode === 'production' ? false : 'source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic' } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: path.join(ROOT, 'assets/iframe.html'),
        filename: 'assets/iframe.html',
        inject: 'head',
        scriptLoading: 'defer',
        // Zendesk's scaffold keeps `type` attributes: the marketplace review asks for them.
        minify: mode === 'production' ? { collapseWhitespace: true, removeComments: true, removeScriptTypeAttributes: false } : false,
      }),
      new PackageFilesPlugin({ root: ROOT, serverDomains }),
      new BundleSizePlugin({ sidebarBudgetBytes: SIDEBAR_BUDGET_BYTES, log }),
    ],
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

/** @param {Record<string, string | boolean>} _env @param {{ mode?: string }} argv */
module.exports = (_env, argv) =>
  createWebpackConfig({
    mode: argv.mode === 'development' ? 'development' : 'production',
    serverDomains: (process.env.SLA_SERVER_DOMAINS ?? '')
      .split(',')
      .map((domain) => domain.trim())
      .filter((domain) => domain.length > 0),
  });
module.exports.createWebpackConfig = createWebpackConfig;
