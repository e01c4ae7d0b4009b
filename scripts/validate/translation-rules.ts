/**
 * translations/<locale>.json, checked as zendesk_apps_support's validations/translations.rb does (PLATFORM.md
 * §3.3), plus our completeness rules: every locale has every key of the default locale, each plural group has the
 * categories its language needs (Intl.PluralRules), and each text keeps the `{{placeholders}}` of the default one.
 */
import {
  flattenCatalog,
  isPluralCategory,
  isPluralGroup,
  isTitledLeaf,
  type CatalogTree,
} from '../../src/app/i18n/catalog';
import { error, isObject, warning, type Problem } from './problem';

export const LOCALE_PATTERN = /^[a-z]{2,3}(-\w{2,3})?$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export interface TranslationInput {
  readonly defaultLocale: string;
  /** Locale → parsed file (undefined when it did not parse: already reported). */
  readonly catalogs: ReadonlyMap<string, unknown>;
  /** Names of the manifest's parameters other than hidden ones: each needs a label. */
  readonly parameterNames: readonly string[];
  readonly isPrivate: boolean;
}

export function validateTranslations(input: TranslationInput): Problem[] {
  const problems: Problem[] = [];
  const trees = new Map<string, CatalogTree>();
  for (const [locale, catalog] of input.catalogs) {
    const file = fileOf(locale);
    if (!LOCALE_PATTERN.test(locale)) problems.push(error(file, '', `"${locale}" is not a locale name like en or pt-br`));
    if (!isObject(catalog)) {
      problems.push(error(file, '', 'must be a JSON object'));
      continue;
    }
    const structure = structureProblems(file, catalog, '');
    problems.push(...structure);
    if (structure.length === 0) trees.set(locale, catalog as CatalogTree);
  }
  const reference = trees.get(input.defaultLocale);
  if (!reference) return problems;
  problems.push(...marketplaceProblems(fileOf(input.defaultLocale), reference, input));
  for (const [locale, tree] of trees) {
    problems.push(...pluralProblems(locale, tree, ''));
    if (locale !== input.defaultLocale) problems.push(...completenessProblems(locale, tree, reference));
  }
  return problems;
}

const fileOf = (locale: string) => `translations/${locale}.json`;

/** Leaves are strings or { title, value }; everything else is a nested object. */
function structureProblems(file: string, node: Record<string, unknown>, prefix: string): Problem[] {
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix + key;
    if (typeof value === 'string' || isTitledLeaf(value)) return [];
    if (isObject(value) && 'value' in value) {
      return [error(file, path, 'a { title, value } leaf needs a string value and nothing else')];
    }
    if (!isObject(value)) return [error(file, path, 'must be a string, a { title, value } pair or an object')];
    return structureProblems(file, value, `${path}.`);
  });
}

function marketplaceProblems(file: string, tree: CatalogTree, input: TranslationInput): Problem[] {
  const flat = flattenCatalog(tree);
  const problems: Problem[] = [];
  const required = ['app.name'];
  if (!input.isPrivate) required.push('app.long_description', 'app.installation_instructions');
  for (const key of required) if (!flat.get(key)) problems.push(error(file, key, 'is required'));
  if (!input.isPrivate && !flat.get('app.short_description') && !flat.get('app.description')) {
    problems.push(error(file, 'app.short_description', 'a public app needs a short description'));
  }
  for (const name of input.parameterNames) {
    if (!flat.get(`app.parameters.${name}.label`)) {
      problems.push(error(file, `app.parameters.${name}.label`, `parameter "${name}" needs a label`));
    }
  }
  return problems;
}

/** Each plural group must have `other` and every category this language's plural rules can select. */
function pluralProblems(locale: string, node: CatalogTree, prefix: string): Problem[] {
  const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  return Object.entries(node).flatMap(([key, value]) => {
    const path = prefix + key;
    if (typeof value === 'string' || isTitledLeaf(value)) return [];
    const keys = Object.keys(value);
    if (isPluralGroup(value)) {
      return needed.filter((c) => !keys.includes(c)).map((c) => error(fileOf(locale), path, `plural category "${c}" is missing`));
    }
    if (keys.length > 0 && keys.every(isPluralCategory)) {
      return [error(fileOf(locale), path, 'a plural group needs an "other" text')];
    }
    return pluralProblems(locale, value as CatalogTree, `${path}.`);
  });
}

function completenessProblems(locale: string, tree: CatalogTree, reference: CatalogTree): Problem[] {
  const file = fileOf(locale);
  const mine = flattenCatalog(tree);
  const theirs = flattenCatalog(reference);
  const problems: Problem[] = [];
  for (const [key, text] of theirs) {
    const translated = mine.get(key);
    if (translated === undefined) problems.push(error(file, key, 'is missing (the default locale has it)'));
    else if (!samePlaceholders(text, translated)) {
      problems.push(error(file, key, `uses ${describe(translated)} where the default locale uses ${describe(text)}`));
    }
  }
  for (const [key, translated] of mine) {
    if (theirs.has(key)) continue;
    // A plural category the default language lacks (Polish "few") must keep the placeholders of its "other".
    const other = theirs.get(key.replace(/\.\w+$/, '.other'));
    if (other === undefined || !isPluralCategory(key.split('.').pop() ?? '')) {
      problems.push(warning(file, key, 'is not in the default locale, so nothing uses it'));
    } else if (!samePlaceholders(other, translated)) {
      problems.push(error(file, key, `uses ${describe(translated)} where the default locale uses ${describe(other)}`));
    }
  }
  return problems;
}

const placeholders = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]));
const samePlaceholders = (a: string, b: string) => {
  const [x, y] = [placeholders(a), placeholders(b)];
  return x.size === y.size && [...x].every((name) => y.has(name));
};
const describe = (text: string) => [...placeholders(text)].map((n) => `{{${n}}}`).join(', ') || 'no placeholders';
