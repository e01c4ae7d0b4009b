import { createTranslator, MissingTranslationError } from '../../../src/app/i18n/translate';

const catalog = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('createTranslator', () => {
  const en = catalog({
    'sidebar.loading': 'Loading SLA…',
    'sidebar.ticket': 'Ticket #{{id}}',
    'sidebar.retrying.one': 'Retrying in {{count}} second…',
    'sidebar.retrying.other': 'Retrying in {{count}} seconds…',
    'error.http': 'Status {{ status }}',
  });
  const pl = catalog({
    'sidebar.retrying.one': 'Ponowna próba za {{count}} sekundę…',
    'sidebar.retrying.few': 'Ponowna próba za {{count}} sekundy…',
    'sidebar.retrying.many': 'Ponowna próba za {{count}} sekund…',
    'sidebar.retrying.other': 'Ponowna próba za {{count}} sekundy…',
  });

  it('fills {{name}} placeholders, spaces inside the braces allowed', () => {
    const t = createTranslator({ locale: 'en', catalog: en, onMissing: 'throw' });
    expect(t('sidebar.ticket', { id: '42' })).toBe('Ticket #42');
    expect(t('error.http', { status: '502' })).toBe('Status 502');
  });

  it.each([
    [1, 'Ponowna próba za 1 sekundę…'],
    [2, 'Ponowna próba za 2 sekundy…'],
    [5, 'Ponowna próba za 5 sekund…'],
    [22, 'Ponowna próba za 22 sekundy…'],
    [1.5, 'Ponowna próba za 1,5 sekundy…'],
  ])('picks the Polish plural form for %s, with the number in Polish format', (count, expected) => {
    const t = createTranslator({ locale: 'pl', catalog: pl, fallback: en, onMissing: 'throw' });
    expect(t('sidebar.retrying', { count })).toBe(expected);
  });

  it('formats English plurals and numbers (one / other, thousands separator)', () => {
    const t = createTranslator({ locale: 'en', catalog: en, onMissing: 'throw' });
    expect(t('sidebar.retrying', { count: 1 })).toBe('Retrying in 1 second…');
    expect(t('sidebar.retrying', { count: 1200 })).toBe('Retrying in 1,200 seconds…');
  });

  it('falls back to the default locale for a key the locale lacks', () => {
    const t = createTranslator({ locale: 'pl', catalog: pl, fallback: en, onMissing: 'throw' });
    expect(t('sidebar.loading')).toBe('Loading SLA…');
  });

  it('throws on a missing key or placeholder when told to (tests, development)', () => {
    const t = createTranslator({ locale: 'en', catalog: en, onMissing: 'throw' });
    expect(() => t('sidebar.lodaing')).toThrow(new MissingTranslationError('No translation for "sidebar.lodaing" in en'));
    expect(() => t('sidebar.ticket')).toThrow('"sidebar.ticket" needs {{id}}, which was not given');
  });

  it('shows the key and warns in production', () => {
    const warnings: string[] = [];
    const t = createTranslator({ locale: 'en', catalog: en, onMissing: 'warn', warn: (m) => warnings.push(m) });
    expect(t('sidebar.lodaing')).toBe('sidebar.lodaing');
    expect(t('sidebar.ticket')).toBe('Ticket #{{id}}');
    expect(warnings).toEqual([
      '[i18n] No translation for "sidebar.lodaing" in en',
      '[i18n] "sidebar.ticket" needs {{id}}, which was not given',
    ]);
  });
});
