import type { FlatCatalog } from './catalog';

export type TranslateParams = Readonly<Record<string, string | number>>;

/** `t('sidebar.retrying', { count: 3 })`: the text for `key` in the locale, with `{{name}}` filled in. */
export type Translate = (key: string, params?: TranslateParams) => string;

/**
 * What to do when a key (or a `{{name}}` it needs) is missing:
 * - `throw` in tests and development builds, so a misspelled key fails loudly (the parcelLab `orderHeader` lesson);
 * - `warn` in production: show the key itself and log, rather than blank an agent's sidebar.
 */
export type MissingKeyPolicy = 'throw' | 'warn';

export class MissingTranslationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTranslationError';
  }
}

interface TranslatorOptions {
  /** The locale whose grammar (plural rules, number format) applies, e.g. `pl` or `zh-cn`. */
  readonly locale: string;
  readonly catalog: FlatCatalog;
  /** Asked when `catalog` lacks a key (en.json, the default locale). */
  readonly fallback?: FlatCatalog;
  readonly onMissing: MissingKeyPolicy;
  readonly warn?: (message: string) => void;
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function createTranslator({ locale, catalog, fallback, onMissing, warn = console.warn }: TranslatorOptions): Translate {
  const pluralRules = new Intl.PluralRules(locale);
  const numberFormat = new Intl.NumberFormat(locale);

  const missing = (message: string, shown: string): string => {
    if (onMissing === 'throw') throw new MissingTranslationError(message);
    warn(`[i18n] ${message}`);
    return shown;
  };

  const lookup = (key: string): string | undefined => catalog.get(key) ?? fallback?.get(key);

  const template = (key: string, count: unknown): string | undefined => {
    if (typeof count === 'number') {
      const plural = lookup(`${key}.${pluralRules.select(count)}`) ?? lookup(`${key}.other`);
      if (plural !== undefined) return plural;
    }
    return lookup(key);
  };

  return (key, params = {}) => {
    const text = template(key, params.count);
    if (text === undefined) return missing(`No translation for "${key}" in ${locale}`, key);
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return missing(`"${key}" needs {{${name}}}, which was not given`, whole);
      return typeof value === 'number' ? numberFormat.format(value) : value;
    });
  };
}
