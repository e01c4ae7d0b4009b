import type { PackageFiles } from '../../../scripts/validate/package-files';

/** A PNG header claiming `size`×`size`: enough for the validator, which reads only the IHDR chunk. */
export function pngOfSize(size: number): Buffer {
  const png = Buffer.alloc(33);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(png, 0);
  png.writeUInt32BE(size, 16);
  png.writeUInt32BE(size, 20);
  return png;
}

export const aManifest = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  name: 'Test app',
  author: { name: 'Tester', email: 'tester@example.com', url: 'https://example.com' },
  defaultLocale: 'en',
  private: true,
  location: { support: { ticket_sidebar: { url: 'assets/iframe.html', flexible: true } } },
  version: '1.0.0',
  frameworkVersion: '2.0',
  parameters: [{ name: 'serverUrl', type: 'url', required: true }],
  ...overrides,
});

export const anEnCatalog = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  app: { name: 'Test app', parameters: { serverUrl: { label: 'Server URL', helpText: 'Where the server is' } } },
  sidebar: { loading: 'Loading…', retrying: { one: 'in {{count}} second', other: 'in {{count}} seconds' } },
  ...overrides,
});

/**
 * An in-memory app package with valid defaults (biz-style builder): pass file contents to override, objects are
 * written as JSON, `undefined` removes a file.
 */
export function aPackage(files: Record<string, unknown> = {}): PackageFiles {
  const contents = new Map<string, Buffer>();
  const all: Record<string, unknown> = {
    'manifest.json': aManifest(),
    'translations/en.json': anEnCatalog(),
    'assets/iframe.html': '<!doctype html>',
    'assets/logo.png': pngOfSize(320),
    'assets/logo-small.png': pngOfSize(128),
    ...files,
  };
  for (const [name, content] of Object.entries(all)) {
    if (content === undefined) continue;
    const bytes = Buffer.isBuffer(content) ? content : Buffer.from(typeof content === 'string' ? content : JSON.stringify(content));
    contents.set(name, bytes);
  }
  return {
    root: '(memory)',
    exists: (name) => contents.has(name),
    list: (dir) => [...contents.keys()].filter((name) => name.startsWith(`${dir}/`)).map((name) => name.slice(dir.length + 1)).sort(),
    read: (name) => {
      const bytes = contents.get(name);
      if (!bytes) throw new Error(`no ${name} in the test package`);
      return bytes;
    },
  };
}
