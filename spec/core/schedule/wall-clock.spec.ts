import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { civilDate, epochDayAt, wallClockToMillis } from '../../../src/core/schedule/wall-clock';

const ZONES = ['Europe/Warsaw', 'America/New_York', 'America/Sao_Paulo', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia', 'Etc/UTC'];
const DAY = 86_400_000;

describe('wallClockToMillis', () => {
  /*
   * Luxon is the reference only where the answer is unique, and in gaps: in a fall-back overlap luxon's
   * DateTime.fromObject starts from the zone's offset at the present moment, so which of the two instants it names
   * depends on today's date. There the rule is checked instead: of the instants showing that wall time, the first.
   */
  it('names the instant showing that wall time (the first of two in an overlap), or luxon’s in a gap', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 80_000 }), fc.integer({ min: 0, max: 1440 }), (name, epochDay, minutes) => {
        const zone = IANAZone.create(name);
        const wall = epochDay * DAY + minutes * 60_000;
        const showing = [...new Set([zone.offset(wall - DAY), zone.offset(wall), zone.offset(wall + DAY)])]
          .map((offset) => wall - offset * 60_000)
          .filter((instant) => instant + zone.offset(instant) * 60_000 === wall);
        const ours = wallClockToMillis(zone, epochDay, minutes);
        if (showing.length > 0) return ours === Math.min(...showing);
        const { year, month, day } = DateTime.fromMillis(epochDay * DAY, { zone: 'utc' });
        const viaLuxon = minutes === 1440 ? DateTime.fromObject({ year, month, day }, { zone: name }).plus({ days: 1 }).startOf('day') : DateTime.fromObject({ year, month, day, hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: name });
        return ours === viaLuxon.toMillis();
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['a time in the New York spring-forward gap moves forward by the gap', 'America/New_York', '2026-03-08', 150, '2026-03-08T03:30:00.000-04:00'],
    ['the first 01:30 of the New York fall-back night is taken', 'America/New_York', '2026-11-01', 90, '2026-11-01T01:30:00.000-04:00'],
    ['São Paulo midnight that did not exist is 01:00', 'America/Sao_Paulo', '2018-11-04', 0, '2018-11-04T01:00:00.000-02:00'],
    ['east of UTC too, the first 02:30 of the Warsaw fall-back night is taken', 'Europe/Warsaw', '2026-10-25', 150, '2026-10-25T02:30:00.000+02:00'],
    ['and the first 01:30 of Lord Howe’s half-hour fall-back', 'Australia/Lord_Howe', '2062-04-02', 90, '2062-04-02T01:30:00.000+11:00'],
    ['02:00 in Lord Howe after the overlap is the one instant it names', 'Australia/Lord_Howe', '2062-04-02', 120, '2062-04-02T02:00:00.000+10:30'],
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
