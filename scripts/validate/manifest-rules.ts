/**
 * manifest.json, checked as Zendesk's server-side validator (zendesk_apps_support: manifest.rb,
 * validations/manifest.rb, secure_settings.rb) does; see shared/zendesk/PLATFORM.md §2.1.
 */
import type { PackageFiles } from './package-files';
import { error, isObject, warning, type Problem } from './problem';
import { LOCALE_PATTERN } from './translation-rules';

const FILE = 'manifest.json';
const PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  support: ['top_bar', 'nav_bar', 'ticket_sidebar', 'new_ticket_sidebar', 'user_sidebar', 'organization_sidebar', 'background', 'modal', 'ticket_editor', 'system_top_bar', 'custom_object_record_sidebar'],
  chat: ['chat_sidebar', 'background', 'modal'],
  sell: ['top_bar', 'person_card', 'deal_card', 'lead_card', 'background', 'modal', 'note_editor', 'call_log_editor', 'email_editor'],
  standalone_chat: ['background', 'modal'],
};
/** Locations whose icon Zendesk reads from assets/icon_<location>.svg. */
const ICON_LOCATIONS = ['top_bar', 'nav_bar', 'system_top_bar', 'ticket_editor'];
const PARAMETER_TYPES = ['text', 'checkbox', 'url', 'number', 'multiline', 'hidden', 'oauth'];
const SCOPES = ['header', 'body', 'url', 'jwt_secret_key', 'jwt_claim', 'basic_auth_username', 'basic_auth_password'];
const BOOLEAN_KEYS = ['private', 'singleInstall', 'signedUrls', 'requirementsOnly', 'marketingOnly'];
const TOKEN_LIKE = /token|key|pwd|password/i;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

export function validateManifest(manifest: unknown, files: PackageFiles): Problem[] {
  if (!isObject(manifest)) return [error(FILE, '', 'must be a JSON object')];
  const problems: Problem[] = [];
  problems.push(...authorProblems(manifest.author));
  problems.push(...defaultLocaleProblems(manifest.defaultLocale, files));
  problems.push(...frameworkProblems(manifest));
  problems.push(...locationProblems(manifest.location, files));
  problems.push(...parameterProblems(manifest.parameters, manifest.oauth));
  for (const key of BOOLEAN_KEYS) {
    if (key in manifest && typeof manifest[key] !== 'boolean') problems.push(error(FILE, key, 'must be true or false'));
  }
  if ('domainWhitelist' in manifest && !isStringArray(manifest.domainWhitelist)) {
    problems.push(error(FILE, 'domainWhitelist', 'must be an array of domain names'));
  }
  if (typeof manifest.version === 'string' && !SEMVER.test(manifest.version)) {
    problems.push(warning(FILE, 'version', `"${manifest.version}" is not semver: zcli apps:bump cannot bump it`));
  }
  if (!manifest.requirementsOnly && !manifest.marketingOnly) problems.push(...logoProblems(files));
  return problems;
}

function authorProblems(author: unknown): Problem[] {
  if (!isObject(author)) return [error(FILE, 'author', 'is required: { name, email, url? }')];
  const problems: Problem[] = [];
  if (typeof author.name !== 'string' || author.name === '') problems.push(error(FILE, 'author.name', 'is required'));
  if (typeof author.email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(author.email)) {
    problems.push(error(FILE, 'author.email', 'must be an email address'));
  }
  if ('url' in author && !isHttpUrl(author.url)) problems.push(error(FILE, 'author.url', 'must be an http(s) URL'));
  return problems;
}

function defaultLocaleProblems(locale: unknown, files: PackageFiles): Problem[] {
  if (typeof locale !== 'string') return [error(FILE, 'defaultLocale', 'is required')];
  if (!LOCALE_PATTERN.test(locale)) return [error(FILE, 'defaultLocale', `"${locale}" is not a locale like en or pt-br`)];
  if (!files.exists(`translations/${locale}.json`)) {
    return [error(FILE, 'defaultLocale', `translations/${locale}.json is missing`)];
  }
  return [];
}

function frameworkProblems(manifest: Record<string, unknown>): Problem[] {
  if (manifest.requirementsOnly === true) {
    return ['location', 'frameworkVersion']
      .filter((key) => key in manifest)
      .map((key) => error(FILE, key, 'a requirements-only app must not have it'));
  }
  if (manifest.frameworkVersion !== '2.0') return [error(FILE, 'frameworkVersion', 'must be "2.0"')];
  return [];
}

function locationProblems(location: unknown, files: PackageFiles): Problem[] {
  if (!isObject(location)) return [error(FILE, 'location', 'is required: { product: { location: { url } } }')];
  const problems: Problem[] = [];
  for (const [product, locations] of Object.entries(location)) {
    const allowed = PRODUCTS[product];
    if (!allowed) {
      problems.push(error(FILE, `location.${product}`, `unknown product (${Object.keys(PRODUCTS).join(', ')})`));
      continue;
    }
    if (!isObject(locations)) {
      problems.push(error(FILE, `location.${product}`, 'must be an object of locations'));
      continue;
    }
    for (const [name, options] of Object.entries(locations)) {
      const at = `location.${product}.${name}`;
      if (!allowed.includes(name)) problems.push(error(FILE, at, `unknown ${product} location`));
      problems.push(...locationOptionProblems(at, options, files));
      if (ICON_LOCATIONS.includes(name) && !files.exists(`assets/icon_${name}.svg`)) {
        problems.push(error(FILE, at, `needs its icon, assets/icon_${name}.svg`));
      }
    }
  }
  return problems;
}

function locationOptionProblems(at: string, options: unknown, files: PackageFiles): Problem[] {
  const url = typeof options === 'string' ? options : isObject(options) ? options.url : undefined;
  const problems: Problem[] = [];
  if (typeof url !== 'string') return [error(FILE, `${at}.url`, 'is required')];
  if (isObject(options) && 'flexible' in options && typeof options.flexible !== 'boolean') {
    problems.push(error(FILE, `${at}.flexible`, 'must be true or false'));
  }
  if (url.includes('{{setting.')) return problems;
  if (/^[a-z]+:\/\//i.test(url)) {
    const parsed = safeUrl(url);
    if (!parsed || (parsed.protocol !== 'https:' && parsed.hostname !== 'localhost')) {
      problems.push(error(FILE, `${at}.url`, 'an absolute URL must be https (or http://localhost)'));
    }
  } else if (!url.startsWith('assets/')) {
    problems.push(error(FILE, `${at}.url`, 'a relative URL must start with assets/'));
  } else if (!files.exists(url.split(/[?#]/)[0] ?? url)) {
    problems.push(error(FILE, `${at}.url`, `${url} is not in the package`));
  }
  return problems;
}

function parameterProblems(parameters: unknown, oauth: unknown): Problem[] {
  if (parameters === undefined) return [];
  if (!Array.isArray(parameters)) return [error(FILE, 'parameters', 'must be an array')];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parameters.forEach((parameter: unknown, index) => {
    const at = `parameters[${index}]`;
    if (!isObject(parameter) || typeof parameter.name !== 'string' || parameter.name === '') {
      problems.push(error(FILE, at, 'needs a name'));
      return;
    }
    if (seen.has(parameter.name)) problems.push(error(FILE, `${at}.name`, `"${parameter.name}" is declared twice`));
    seen.add(parameter.name);
    problems.push(...oneParameterProblems(at, parameter));
  });
  const oauthCount = parameters.filter((p) => isObject(p) && p.type === 'oauth').length;
  if (oauthCount > 1) problems.push(error(FILE, 'parameters', 'at most one parameter may be of type oauth'));
  if (oauthCount === 1 && !isObject(oauth)) problems.push(error(FILE, 'oauth', 'an oauth parameter needs the oauth section'));
  return problems;
}

function oneParameterProblems(at: string, parameter: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const type = parameter.type ?? 'text';
  if (parameter.name === 'name') problems.push(error(FILE, `${at}.name`, 'a parameter may not be called "name"'));
  if (typeof type !== 'string' || !PARAMETER_TYPES.includes(type)) {
    problems.push(error(FILE, `${at}.type`, `must be one of ${PARAMETER_TYPES.join(', ')}`));
  }
  for (const key of ['required', 'secure']) {
    if (key in parameter && typeof parameter[key] !== 'boolean') problems.push(error(FILE, `${at}.${key}`, 'must be true or false'));
  }
  if (type === 'hidden' && parameter.required === true) problems.push(error(FILE, at, 'a hidden parameter cannot be required'));
  if (type === 'oauth' && parameter.secure === true) problems.push(error(FILE, at, 'an oauth parameter cannot be secure'));
  if ('scopes' in parameter) {
    if (parameter.secure !== true) problems.push(error(FILE, `${at}.scopes`, 'scopes are only allowed on secure parameters'));
    if (!isStringArray(parameter.scopes) || parameter.scopes.some((scope) => !SCOPES.includes(scope))) {
      problems.push(error(FILE, `${at}.scopes`, `must be a list of ${SCOPES.join(', ')}`));
    }
  } else if (parameter.secure === true) {
    problems.push(warning(FILE, at, 'a secure parameter without scopes can be sent anywhere in a request'));
  }
  if (type === 'text' && parameter.secure !== true && TOKEN_LIKE.test(String(parameter.name))) {
    problems.push(warning(FILE, at, `"${String(parameter.name)}" looks like a secret: make it secure`));
  }
  return problems;
}

/** Marketplace listings need both logos; Zendesk's sizes are 320×320 and 128×128 pixels. */
function logoProblems(files: PackageFiles): Problem[] {
  const problems: Problem[] = [];
  for (const [file, size] of [['assets/logo.png', 320], ['assets/logo-small.png', 128]] as const) {
    if (!files.exists(file)) {
      problems.push(warning(file, '', 'is missing (required to publish in the marketplace)'));
      continue;
    }
    const dimensions = pngDimensions(files.read(file));
    if (!dimensions) problems.push(error(file, '', 'is not a PNG'));
    else if (dimensions.width !== size || dimensions.height !== size) {
      problems.push(warning(file, '', `is ${dimensions.width}×${dimensions.height}; Zendesk expects ${size}×${size}`));
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), or null if it is not a PNG. */
export function pngDimensions(png: Buffer): { width: number; height: number } | null {
  const signature = '89504e470d0a1a0a';
  if (png.length < 24 || png.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isHttpUrl = (value: unknown): boolean => {
  const parsed = typeof value === 'string' ? safeUrl(value) : null;
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
};
function safeUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
