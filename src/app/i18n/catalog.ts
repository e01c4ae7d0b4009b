/**
 * Zendesk's translation file format (translations/<locale>.json), shared by the app and scripts/validate-app.ts.
 *
 * A file is nested objects whose leaves are strings or Zendesk's `{ "title": <note for translators>, "value": <text> }`
 * pairs. Keys are the dotted paths to the leaves (`sidebar.loading`).
 *
 * Plurals: a key whose object's children are all CLDR plural categories (`one`, `few`, `many`, `other`, …) is a
 * plural group; `t(key, { count })` picks the child `Intl.PluralRules(locale)` selects for `count`, else `other`.
 * Each locale supplies the categories its language uses (Polish one/few/many/other; Japanese and Chinese only need
 * `other`) and, so that every locale has every key of en.json, at least en's (`one`, `other`).
 */

export type CatalogNode = string | { readonly title: string; readonly value: string } | CatalogTree;
export interface CatalogTree {
  readonly [key: string]: CatalogNode;
}

/** Flat view: dotted key → text. */
export type FlatCatalog = ReadonlyMap<string, string>;

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

export const isPluralCategory = (key: string): key is PluralCategory =>
  (PLURAL_CATEGORIES as readonly string[]).includes(key);

export const isTitledLeaf = (node: unknown): node is { title: string; value: string } =>
  typeof node === 'object' &&
  node !== null &&
  typeof (node as { value?: unknown }).value === 'string' &&
  Object.keys(node).every((key) => key === 'title' || key === 'value');

/** A plural group: an object whose keys are all plural categories, with `other` among them. */
export const isPluralGroup = (node: unknown): node is Readonly<Partial<Record<PluralCategory, string>>> =>
  typeof node === 'object' &&
  node !== null &&
  'other' in node &&
  Object.entries(node).every(([key, value]) => isPluralCategory(key) && typeof value === 'string');

/** Flattens a catalog to dotted keys; plural categories become `<key>.<category>`. */
export function flattenCatalog(tree: CatalogTree, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix + key;
    if (typeof node === 'string') flat.set(path, node);
    else if (isTitledLeaf(node)) flat.set(path, node.value);
    else for (const [child, text] of flattenCatalog(node as CatalogTree, `${path}.`)) flat.set(child, text);
  }
  return flat;
}
