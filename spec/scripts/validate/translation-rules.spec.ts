import type { Problem } from '../../../scripts/validate/problem';
import { validateTranslations } from '../../../scripts/validate/translation-rules';
import { anEnCatalog } from './a-package';

const validate = (catalogs: Record<string, unknown>, options: { isPrivate?: boolean; parameterNames?: string[] } = {}) =>
  validateTranslations({
    defaultLocale: 'en',
    catalogs: new Map(Object.entries({ en: anEnCatalog(), ...catalogs })),
    parameterNames: options.parameterNames ?? ['serverUrl'],
    isPrivate: options.isPrivate ?? true,
  });
const lines = (problems: Problem[]) => problems.map((p) => `${p.severity} ${p.file} ${p.path}: ${p.message}`);

const aPolishCatalog = (retrying: Record<string, string>) => ({
  app: { name: 'Test', parameters: { serverUrl: { label: 'Adres', helpText: 'Gdzie jest serwer' } } },
  sidebar: { loading: 'Wczytywanie…', retrying },
});
const POLISH_PLURALS = { one: 'za {{count}} sekundę', few: 'za {{count}} sekundy', many: 'za {{count}} sekund', other: 'za {{count}} sekundy' };

describe('validateTranslations', () => {
  it('accepts complete locales, titled leaves and per-language plural categories', () => {
    const ja = { app: { name: { title: 'App name', value: 'テスト' }, parameters: { serverUrl: { label: 'URL', helpText: 'サーバーの場所' } } }, sidebar: { loading: '読み込み中…', retrying: { one: '{{count}} 秒後', other: '{{count}} 秒後' } } };
    expect(validate({ ja, pl: aPolishCatalog(POLISH_PLURALS) })).toEqual([]);
  });

  it('reports a key the default locale has and another locale lacks', () => {
    const pl = aPolishCatalog(POLISH_PLURALS);
    expect(lines(validate({ pl: { ...pl, sidebar: { retrying: POLISH_PLURALS } } }))).toEqual([
      'error translations/pl.json sidebar.loading: is missing (the default locale has it)',
    ]);
  });

  it('reports a plural category the language needs (Polish "few" and "many")', () => {
    expect(lines(validate({ pl: aPolishCatalog({ one: 'za {{count}} sekundę', other: 'za {{count}} sekundy' }) }))).toEqual([
      'error translations/pl.json sidebar.retrying: plural category "few" is missing',
      'error translations/pl.json sidebar.retrying: plural category "many" is missing',
    ]);
  });

  it('reports a translation that drops or renames a placeholder', () => {
    const pl = aPolishCatalog({ ...POLISH_PLURALS, few: 'za {{n}} sekundy' });
    expect(lines(validate({ pl }))).toEqual([
      'error translations/pl.json sidebar.retrying.few: uses {{n}} where the default locale uses {{count}}',
    ]);
  });

  it('reports malformed leaves and a locale name Zendesk would refuse', () => {
    expect(lines(validate({ 'en_GB': { ...anEnCatalog(), sidebar: { loading: 42, retrying: { one: 'a', other: 'b' } }, x: { value: 1 } } }))).toEqual([
      'error translations/en_GB.json : "en_GB" is not a locale name like en or pt-br',
      'error translations/en_GB.json sidebar.loading: must be a string, a { title, value } pair or an object',
      'error translations/en_GB.json x: a { title, value } leaf needs a string value and nothing else',
    ]);
  });

  it('requires app.name and a label per parameter, and the marketplace texts of a public app', () => {
    const problems = validateTranslations({
      defaultLocale: 'en',
      catalogs: new Map([['en', { app: { parameters: {} } }]]),
      parameterNames: ['serverUrl'],
      isPrivate: false,
    });
    expect(lines(problems)).toEqual([
      'error translations/en.json app.name: is required',
      'error translations/en.json app.long_description: is required',
      'error translations/en.json app.installation_instructions: is required',
      'error translations/en.json app.short_description: a public app needs a short description',
      'error translations/en.json app.parameters.serverUrl.label: parameter "serverUrl" needs a label',
    ]);
  });

  it('warns about keys only a translation has', () => {
    const pl = { ...aPolishCatalog(POLISH_PLURALS), stale: 'stary tekst' };
    expect(lines(validate({ pl }))).toEqual(['warning translations/pl.json stale: is not in the default locale, so nothing uses it']);
  });
});
