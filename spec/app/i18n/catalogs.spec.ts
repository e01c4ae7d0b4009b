import { catalogFor, resolveLocale, SUPPORTED_LOCALES } from '../../../src/app/i18n/catalogs';
import { flattenCatalog } from '../../../src/app/i18n/catalog';
import { createTranslator } from '../../../src/app/i18n/translate';

describe('resolveLocale', () => {
  it.each([
    ['ja', 'ja'],
    ['en-US', 'en'],
    ['en-gb', 'en'],
    ['es-419', 'es'],
    ['pl', 'pl'],
    ['zh-cn', 'zh-cn'],
    ['zh-CN', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
    ['zh-tw', 'en'],
    ['pt-br', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('maps the Zendesk locale %p to %p', (zendesk, expected) => {
    expect(resolveLocale(zendesk)).toBe(expected);
  });
});

describe('the shipped catalogs', () => {
  it('flatten titled leaves to their value', () => {
    expect(flattenCatalog({ a: { title: 'note', value: 'text' }, b: { c: 'd' } })).toEqual(new Map([['a', 'text'], ['b.c', 'd']]));
  });

  it.each(SUPPORTED_LOCALES)('give %s texts for every metric name and state the sidebar shows', (locale) => {
    const t = createTranslator({ locale, catalog: catalogFor(locale), onMissing: 'throw' });
    const metrics = ['first_reply_time', 'next_reply_time', 'periodic_update_time', 'requester_wait_time', 'agent_work_time', 'total_resolution_time'];
    const states = ['on_track', 'due_soon', 'breached', 'paused', 'met', 'met_late'];
    for (const key of [...metrics.map((m) => `metric.${m}`), ...states.map((s) => `status.${s}`)]) {
      expect(t(key)).not.toBe('');
    }
    expect(t('sidebar.due_in', { duration: 'X' })).toContain('X');
    expect(t('sidebar.retrying', { count: 3 })).toContain('3');
  });

  it('speak each language', () => {
    const loading = Object.fromEntries(
      SUPPORTED_LOCALES.map((locale) => [locale, createTranslator({ locale, catalog: catalogFor(locale), onMissing: 'throw' })('sidebar.loading')]),
    );
    expect(loading).toEqual({ en: 'Loading SLA…', ja: 'SLA を読み込み中…', 'zh-cn': '正在加载 SLA…', pl: 'Wczytywanie SLA…', es: 'Cargando SLA…' });
  });
});
