import path from 'node:path';

const { PackageFilesPlugin } = require('../../../scripts/webpack/package-files-plugin') as {
  PackageFilesPlugin: new (options: { root: string; serverDomains?: readonly string[] }) => {
    packageFiles(): Array<[string, string | Buffer]>;
  };
};

const ROOT = path.resolve(__dirname, '../../..');

describe('PackageFilesPlugin', () => {
  const files = new Map(new PackageFilesPlugin({ root: ROOT, serverDomains: ['sla.example.com'] }).packageFiles());

  it('ships the package files and the marketplace screenshots, without the HTML template (built) or the logo source', () => {
    expect([...files.keys()].sort()).toEqual([
      'assets/icon_nav_bar.svg',
      'assets/logo-small.png',
      'assets/logo.png',
      'assets/screenshot-0.png',
      'assets/screenshot-1.png',
      'assets/screenshot-2.png',
      'manifest.json',
      'requirements.json',
      'translations/en.json',
      'translations/es.json',
      'translations/ja.json',
      'translations/pl.json',
      'translations/zh-cn.json',
    ]);
  });

  it('reduces each translation to its marketplace section: the UI strings are in the bundle', () => {
    const ja = JSON.parse(String(files.get('translations/ja.json')));
    expect(Object.keys(ja)).toEqual(['app']);
    expect(ja.app.parameters.sharedSecret.label).toBe('共有シークレット');
  });

  it('puts the deployment’s server domains in the domainWhitelist', () => {
    expect(JSON.parse(String(files.get('manifest.json'))).domainWhitelist).toEqual(['sla.example.com']);
    const byDefault = new Map(new PackageFilesPlugin({ root: ROOT }).packageFiles());
    expect(JSON.parse(String(byDefault.get('manifest.json'))).domainWhitelist).toEqual(['localhost']);
  });
});
