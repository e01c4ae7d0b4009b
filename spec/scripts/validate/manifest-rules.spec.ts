import { pngDimensions, validateManifest } from '../../../scripts/validate/manifest-rules';
import type { Problem } from '../../../scripts/validate/problem';
import { aManifest, aPackage, pngOfSize } from './a-package';

const validate = (overrides: Record<string, unknown>, files: Record<string, unknown> = {}) =>
  validateManifest(aManifest(overrides), aPackage(files));
const errorsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'error').map((p) => `${p.path}: ${p.message}`);
const warningsOf = (problems: Problem[]) => problems.filter((p) => p.severity === 'warning').map((p) => `${p.path}: ${p.message}`);

describe('validateManifest', () => {
  it('accepts a complete manifest', () => {
    expect(validate({})).toEqual([]);
  });

  it.each([
    ['author missing', { author: undefined }, 'author: is required: { name, email, url? }'],
    ['author email not an address', { author: { name: 'A', email: 'nobody' } }, 'author.email: must be an email address'],
    ['defaultLocale malformed', { defaultLocale: 'EN_us' }, 'defaultLocale: "EN_us" is not a locale like en or pt-br'],
    ['defaultLocale without its file', { defaultLocale: 'fr' }, 'defaultLocale: translations/fr.json is missing'],
    ['frameworkVersion 1.0', { frameworkVersion: '1.0' }, 'frameworkVersion: must be "2.0"'],
    ['unknown location', { location: { support: { ticket_side: { url: 'assets/iframe.html' } } } }, 'location.support.ticket_side: unknown support location'],
    ['location url outside assets/', { location: { support: { ticket_sidebar: { url: 'index.html' } } } }, 'location.support.ticket_sidebar.url: a relative URL must start with assets/'],
    ['location url not in the package', { location: { support: { ticket_sidebar: { url: 'assets/app.html' } } } }, 'location.support.ticket_sidebar.url: assets/app.html is not in the package'],
    ['plain http url', { location: { support: { ticket_sidebar: { url: 'http://example.com/app' } } } }, 'location.support.ticket_sidebar.url: an absolute URL must be https (or http://localhost)'],
    ['nav_bar without its icon', { location: { support: { nav_bar: { url: 'assets/iframe.html' } } } }, 'location.support.nav_bar: needs its icon, assets/icon_nav_bar.svg'],
    ['parameter called name', { parameters: [{ name: 'name', type: 'text' }] }, 'parameters[0].name: a parameter may not be called "name"'],
    ['unknown parameter type', { parameters: [{ name: 'x', type: 'password' }] }, 'parameters[0].type: must be one of text, checkbox, url, number, multiline, hidden, oauth'],
    ['duplicate parameter', { parameters: [{ name: 'x' }, { name: 'x' }] }, 'parameters[1].name: "x" is declared twice'],
    ['required hidden parameter', { parameters: [{ name: 'x', type: 'hidden', required: true }] }, 'parameters[0]: a hidden parameter cannot be required'],
    ['scopes on a non-secure parameter', { parameters: [{ name: 'x', scopes: ['header'] }] }, 'parameters[0].scopes: scopes are only allowed on secure parameters'],
    ['unknown scope', { parameters: [{ name: 'x', secure: true, scopes: ['cookie'] }] }, 'parameters[0].scopes: must be a list of header, body, url, jwt_secret_key, jwt_claim, basic_auth_username, basic_auth_password'],
    ['secure given as a string', { parameters: [{ name: 'x', secure: 'yes' }] }, 'parameters[0].secure: must be true or false'],
    ['private given as a string', { private: 'true' }, 'private: must be true or false'],
  ])('rejects %s', (_case, overrides, expected) => {
    expect(errorsOf(validate(overrides))).toContain(expected);
  });

  it('accepts a location url that Zendesk fills from a setting, and an nav_bar whose icon is there', () => {
    const problems = validate(
      { location: { support: { ticket_sidebar: { url: '{{setting.appUrl}}/sidebar' }, nav_bar: { url: 'assets/iframe.html' } } } },
      { 'assets/icon_nav_bar.svg': '<svg/>' },
    );
    expect(problems).toEqual([]);
  });

  it('warns about a token-like parameter that is not secure, and a secure one without scopes', () => {
    const problems = validate({ parameters: [{ name: 'apiToken', type: 'text' }, { name: 'secret', type: 'text', secure: true }] });
    expect(warningsOf(problems)).toEqual([
      'parameters[0]: "apiToken" looks like a secret: make it secure',
      'parameters[1]: a secure parameter without scopes can be sent anywhere in a request',
    ]);
  });

  it('warns about missing or wrongly sized logos', () => {
    const problems = validate({}, { 'assets/logo.png': pngOfSize(300), 'assets/logo-small.png': undefined });
    expect(problems.map((p) => `${p.severity} ${p.file}: ${p.message}`)).toEqual([
      'warning assets/logo.png: is 300×300; Zendesk expects 320×320',
      'warning assets/logo-small.png: is missing (required to publish in the marketplace)',
    ]);
  });

  it('reads a PNG size from its header and refuses other files', () => {
    expect(pngDimensions(pngOfSize(128))).toEqual({ width: 128, height: 128 });
    expect(pngDimensions(Buffer.from('GIF89a'))).toBeNull();
  });

  it('keeps requirements-only apps free of locations', () => {
    const problems = validateManifest(aManifest({ requirementsOnly: true }), aPackage());
    expect(errorsOf(problems)).toEqual([
      'location: a requirements-only app must not have it',
      'frameworkVersion: a requirements-only app must not have it',
    ]);
  });
});
