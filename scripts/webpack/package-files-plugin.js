// @ts-check
/**
 * Emits the non-code half of the Zendesk app package into the build output, so that dist/ is the whole app:
 * manifest.json (with the deployment's domainWhitelist), requirements.json, translations/<locale>.json reduced to
 * the marketplace `app` section (the UI strings are bundled into the JavaScript), and assets/* except the HTML
 * template (HtmlWebpackPlugin writes assets/iframe.html) and the logo's SVG source.
 *
 * A plugin of our own instead of copy-webpack-plugin: three small transformations do not justify a dependency.
 */
const fs = require('node:fs');
const path = require('node:path');

const NOT_SHIPPED = new Set(['iframe.html', 'logo.svg']);

class PackageFilesPlugin {
  /** @param {{ root: string, serverDomains?: readonly string[] }} options */
  constructor(options) {
    this.root = options.root;
    this.serverDomains = options.serverDomains;
  }

  /** @param {import('webpack').Compiler} compiler */
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('PackageFilesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'PackageFilesPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          for (const [name, content] of this.packageFiles()) {
            compilation.emitAsset(name, new RawSource(content));
          }
        },
      );
      // Rebuild in watch mode when any of these change.
      compilation.fileDependencies.add(path.join(this.root, 'manifest.json'));
      compilation.fileDependencies.add(path.join(this.root, 'requirements.json'));
      compilation.contextDependencies.add(path.join(this.root, 'translations'));
      compilation.contextDependencies.add(path.join(this.root, 'assets'));
    });
  }

  /** @returns {Array<[string, string | Buffer]>} */
  packageFiles() {
    /** @type {Array<[string, string | Buffer]>} */
    const files = [];
    files.push(['manifest.json', this.manifest()]);
    files.push(['requirements.json', fs.readFileSync(path.join(this.root, 'requirements.json'))]);
    const translations = path.join(this.root, 'translations');
    for (const file of fs.readdirSync(translations).filter((f) => f.endsWith('.json')).sort()) {
      const catalog = JSON.parse(fs.readFileSync(path.join(translations, file), 'utf8'));
      files.push([`translations/${file}`, `${JSON.stringify({ app: catalog.app }, null, 2)}\n`]);
    }
    const assets = path.join(this.root, 'assets');
    for (const file of fs.readdirSync(assets).sort()) {
      if (NOT_SHIPPED.has(file)) continue;
      files.push([`assets/${file}`, fs.readFileSync(path.join(assets, file))]);
    }
    return files;
  }

  /**
   * Secure settings may only be sent to the manifest's domainWhitelist, and the server's domain is the installer's
   * choice: SLA_SERVER_DOMAINS at build time (comma-separated) replaces the repository's default.
   */
  manifest() {
    const manifest = JSON.parse(fs.readFileSync(path.join(this.root, 'manifest.json'), 'utf8'));
    if (this.serverDomains && this.serverDomains.length > 0) manifest.domainWhitelist = [...this.serverDomains];
    return `${JSON.stringify(manifest, null, 2)}\n`;
  }
}

module.exports = { PackageFilesPlugin };
