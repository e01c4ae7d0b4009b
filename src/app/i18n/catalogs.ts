import en from '../../../translations/en.json';
import es from '../../../translations/es.json';
import ja from '../../../translations/ja.json';
import pl from '../../../translations/pl.json';
import zhCn from '../../../translations/zh-cn.json';
import { flattenCatalog, type CatalogTree, type FlatCatalog } from './catalog';

/**
 * The UI's texts, bundled: translations/ is their only home. All five together are a few kilobytes gzipped, less than
 * a round trip to fetch one lazily would cost an agent opening a ticket.
 */
export const SUPPORTED_LOCALES = ['en', 'ja', 'zh-cn', 'pl', 'es'] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: SupportedLocale = 'en';

const TREES: Readonly<Record<SupportedLocale, CatalogTree>> = { en, ja, 'zh-cn': zhCn, pl, es };
const flatCache = new Map<SupportedLocale, FlatCatalog>();

export function catalogFor(locale: SupportedLocale): FlatCatalog {
  let flat = flatCache.get(locale);
  if (!flat) {
    flat = flattenCatalog(TREES[locale]);
    flatCache.set(locale, flat);
  }
  return flat;
}

/**
 * Maps a Zendesk user locale (`ja`, `en-US`, `es-419`, `zh-cn`, `pl`) to one we ship, by exact tag, then by
 * language. Chinese only matches Simplified tags: a zh-tw agent reads English rather than the wrong script.
 */
export function resolveLocale(zendeskLocale: string | undefined): SupportedLocale {
  const tag = (zendeskLocale ?? '').toLowerCase().replace('_', '-');
  const exact = SUPPORTED_LOCALES.find((locale) => locale === tag);
  if (exact) return exact;
  if (['zh', 'zh-hans', 'zh-sg'].includes(tag) || tag.startsWith('zh-hans-')) return 'zh-cn';
  const language = tag.split('-')[0];
  const byLanguage = SUPPORTED_LOCALES.find((locale) => locale === language);
  return byLanguage ?? DEFAULT_LOCALE;
}
