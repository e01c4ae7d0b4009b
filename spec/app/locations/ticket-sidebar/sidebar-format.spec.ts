import { translationFor } from '../../../../src/app/i18n/TranslationProvider';
import { agentClockSettings, formatDuration, formatInstant } from '../../../../src/app/locations/ticket-sidebar/sidebar-format';
import { monday, ZONE } from './sla-fixture';

const en = translationFor('en', 'throw').t;

describe('formatDuration', () => {
  it.each([
    [130.5, '2 h 10 m 30 s'],
    [59.99, '59 m 59 s'],
    [0, '0 m 0 s'],
    [-35, '35 m 0 s'],
    [24 * 60 + 4 * 60 + 30, '1 d 4 h'],
    [-(3 * 24 * 60), '3 d 0 h'],
  ])('words %p minutes as "%s" (sign dropped: the text around it says "overdue")', (minutes, text) => {
    expect(formatDuration(minutes, en)).toBe(text);
  });

  it('leaves seconds out where they would only be noise', () => {
    expect(formatDuration(130.5, en, { seconds: false })).toBe('2 h 10 m');
    expect(formatDuration(9.5, en, { seconds: false })).toBe('9 m');
  });

  it('uses the agent’s language', () => {
    expect(formatDuration(130.5, translationFor('ja', 'throw').t)).toBe('2時間10分30秒');
    expect(formatDuration(130.5, translationFor('pl', 'throw').t)).toBe('2 godz. 10 min 30 s');
  });
});

describe('formatInstant', () => {
  const now = monday('10:00');

  it('shows weekday and time in the agent’s zone within a week, in the agent’s locale', () => {
    expect(formatInstant(monday('11:30'), { locale: 'en-GB', zone: ZONE, now })).toBe('Mon 11:30');
    expect(formatInstant(monday('11:30'), { locale: 'en-GB', zone: 'America/New_York', now })).toBe('Mon 05:30');
    expect(formatInstant(monday('11:30'), { locale: 'ja', zone: ZONE, now })).toBe('11:30 (月)');
  });

  it('adds the date when the instant is a week or more away, so a weekday is never ambiguous', () => {
    expect(formatInstant(monday('11:30') + 8 * 86_400_000, { locale: 'en-GB', zone: ZONE, now })).toBe('10 Mar, 11:30');
  });
});

describe('agentClockSettings', () => {
  it('takes the agent’s IANA zone and Zendesk locale', () => {
    expect(agentClockSettings({ timeZone: { ianaName: 'Asia/Tokyo' }, locale: 'ja' }, 'en')).toEqual({ zone: 'Asia/Tokyo', locale: 'ja' });
    expect(agentClockSettings({ timeZone: { ianaName: 'America/Sao_Paulo' }, locale: 'pt-BR' }, 'en')).toEqual({ zone: 'America/Sao_Paulo', locale: 'pt-BR' });
  });

  it('falls back to UTC and the app’s locale rather than throwing on every tick', () => {
    expect(agentClockSettings({ timeZone: { ianaName: 'Mars/Olympus_Mons' }, locale: 'not a tag!' }, 'pl')).toEqual({ zone: 'UTC', locale: 'pl' });
    expect(agentClockSettings({}, 'en')).toEqual({ zone: 'UTC', locale: 'en' });
  });
});
