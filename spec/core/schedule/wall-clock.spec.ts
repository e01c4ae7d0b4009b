import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { civilDate, epochDayAt, wallClockToMillis } from '../../../src/core/schedule/wall-clock';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia', 'Etc/UTC'];
const DAY = 86_400_000;

describe('wallClockToMillis', () => {
  it('names the same instant as luxon for any zone, date and time, gaps and overlaps included', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: 0, max: 1440 }), (name, epochDay, minutes) => {
        const { year, month, day } = DateTime.fromMillis(epochDay * DAY, { zone: 'utc' });
        const viaLuxon = minutes === 1440 ? DateTime.fromObject({ year, month, day }, { zone: name }).plus({ days: 1 }).startOf('day') : DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: name });
        return wallClockToMillis(IANAZone.create(name), epochDay, minutes) === viaLuxon.toMillis();
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a time in the New York spring-forward gap moves forward by the gap', 'America/New_York', '2026-03-08', 150, '2026-03-08T03:30:00.000-04:00'],
    ['the first 01:30 of the New York fall-back night is taken', 'America/New_York', '2026-11-01', 90, '2026-11-01T01:30:00.000-04:00'],
    ['São Paulo midnight that did not exist is 01:00', 'America/Sao_Paulo', '2018-11-04', 0, '2018-11-04T01:00:00.000-02:00'],
  ])('%s', (_name, zone, date, minutes, expected) => {
    const epochDay = Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
    expect(DateTime.fromMillis(wallClockToMillis(IANAZone.create(zone), epochDay, minutes), { zone }).toISO()).toBe(expected);
  });
});

describe('epochDayAt and civilDate', () => {
  it('give the local date and weekday of an instant', () => {
    const zone = IANAZone.create('Pacific/Apia');
    const day = epochDayAt(zone, Date.parse('2028-02-28T12:00:00Z'));
    expect(civilDate(day)).toEqual({ isoDate: '2028-02-29', weekday: 2 });
  });
});
