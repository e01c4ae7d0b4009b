import { DateTime } from 'luxon';
import {
  CALENDAR_SCHEDULE,
  addBusinessMinutes,
  businessMinutesBetween,
  businessPeriodsAfter,
  isBusinessTime,
  nextBusinessTime,
  subtractBusinessMinutes,
} from '../../../src/core/schedule';
import { toEpochMillis } from '../../../src/core/time/instant';
import { aSchedule } from './a-schedule';

const office = [['09:00', '17:00']] as const;
const weekdays = { mon: office, tue: office, wed: office, thu: office, fri: office };
const warsaw = aSchedule({ timeZone: 'Europe/Warsaw', week: weekdays, holidays: ['2026-12-25', '01-01'] });
const newYork = aSchedule({ timeZone: 'America/New_York', week: weekdays, holidays: ['2026-11-26'] });
const fullyOpenWarsaw = aSchedule({
  timeZone: 'Europe/Warsaw',
  week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])),
});
const nightShift = aSchedule({ timeZone: 'Europe/Warsaw', week: { tue: [['22:00', '06:00']], wed: [['09:00', '17:00']] } });
const saoPauloSundays = aSchedule({ timeZone: 'America/Sao_Paulo', week: { sun: [['00:00', '24:00']] } });

const iso = (d: DateTime) => d.toISO();

describe('addBusinessMinutes', () => {
  it.each([
    ['inside one day (UTC)', aSchedule(), '2026-11-23T10:00:00Z', 60, '2026-11-23T11:00:00.000Z'],
    ['from a closed evening starts at the next opening (UTC)', aSchedule(), '2026-11-23T18:00:00Z', 30, '2026-11-24T09:30:00.000Z'],
    ['over a weekend (UTC)', aSchedule(), '2026-11-20T16:30:00Z', 60, '2026-11-23T09:30:00.000Z'],
    ['landing exactly on a closing instant returns it (UTC)', aSchedule(), '2026-11-23T16:00:00Z', 60, '2026-11-23T17:00:00.000Z'],
    ['fractional minutes keep their seconds (UTC)', aSchedule(), '2026-11-23T09:00:00Z', 1.5, '2026-11-23T09:01:30.000Z'],
    ['across the Warsaw spring-forward weekend (2026-03-29)', warsaw, '2026-03-27T16:00:00+01:00', 120, '2026-03-30T10:00:00.000+02:00'],
    ['across a Warsaw holiday and the weekend (2026-12-24 → 12-28)', warsaw, '2026-12-24T16:30:00+01:00', 60, '2026-12-28T09:30:00.000+01:00'],
    ['over a recurring New Year holiday (Warsaw, 2027-01-01)', warsaw, '2026-12-31T16:00:00+01:00', 120, '2027-01-04T10:00:00.000+01:00'],
    ['over Thanksgiving (New York, 2026-11-26)', newYork, '2026-11-25T16:00:00-05:00', 120, '2026-11-27T10:00:00.000-05:00'],
    ['across New York fall-back (2026-11-01)', newYork, '2026-10-30T16:00:00-04:00', 120, '2026-11-02T10:00:00.000-05:00'],
    ['negative minutes subtract (UTC)', aSchedule(), '2026-11-23T10:00:00Z', -90, '2026-11-20T16:30:00.000Z'],
  ])('%s', (_name, schedule, from, minutes, expected) => {
    expect(iso(addBusinessMinutes(schedule, from, minutes))).toBe(DateTime.fromISO(expected, { setZone: true }).setZone(schedule.zone).toISO());
  });

  it('counts a fully open 25-hour fall-back day as 25 hours (Warsaw, 2026-10-25)', () => {
    expect(businessMinutesBetween(fullyOpenWarsaw, '2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00')).toBe(25 * 60);
    expect(businessMinutesBetween(fullyOpenWarsaw, '2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00')).toBe(23 * 60);
  });

  it('returns a Date for a Date and a DateTime in the schedule zone otherwise', () => {
    const fromDate = addBusinessMinutes(warsaw, new Date('2026-11-23T08:00:00Z'), 60);
    expect(fromDate).toBeInstanceOf(Date);
    expect(fromDate.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    const fromMillis = addBusinessMinutes(warsaw, toEpochMillis('2026-11-23T08:00:00Z'), 60);
    expect(fromMillis.zoneName).toBe('Europe/Warsaw');
  });

  it('counts every minute on the calendar schedule', () => {
    expect(addBusinessMinutes(CALENDAR_SCHEDULE, new Date('2028-02-28T23:00:00Z'), 120).toISOString()).toBe('2028-02-29T01:00:00.000Z');
  });
});

describe('subtractBusinessMinutes', () => {
  it.each([
    ['inside one day (UTC)', aSchedule(), '2026-11-23T11:00:00Z', 60, '2026-11-23T10:00:00.000Z'],
    ['landing exactly on an opening returns it (UTC)', aSchedule(), '2026-11-23T10:00:00Z', 60, '2026-11-23T09:00:00.000Z'],
    ['back over a weekend (UTC)', aSchedule(), '2026-11-23T09:30:00Z', 60, '2026-11-20T16:30:00.000Z'],
    ['back from a closed night (UTC)', aSchedule(), '2026-11-23T20:00:00Z', 30, '2026-11-23T16:30:00.000Z'],
    ['back over the Warsaw spring-forward weekend', warsaw, '2026-03-30T10:00:00+02:00', 120, '2026-03-27T16:00:00.000+01:00'],
  ])('%s', (_name, schedule, from, minutes, expected) => {
    expect(iso(subtractBusinessMinutes(schedule, from, minutes))).toBe(DateTime.fromISO(expected, { setZone: true }).setZone(schedule.zone).toISO());
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['a whole week (UTC)', aSchedule(), '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z', 40 * 60],
    ['signed when to is earlier (UTC)', aSchedule(), '2026-11-23T11:00:00Z', '2026-11-23T10:00:00Z', -60],
    ['nothing over a weekend (UTC)', aSchedule(), '2026-11-21T08:00:00Z', '2026-11-22T20:00:00Z', 0],
    ['a leap day is a Tuesday like any other (UTC, 2028-02-29)', aSchedule(), '2028-02-28T17:00:00Z', '2028-03-01T09:00:00Z', 8 * 60],
    ['the overnight shift belongs to Tuesday (Warsaw)', nightShift, '2026-11-24T21:00:00+01:00', '2026-11-25T10:00:00+01:00', 9 * 60],
    ['an overnight shift across the fall-back night is 9 real hours (Warsaw, Sat 2026-10-24 22:00 → Sun 06:00)', aSchedule({ timeZone: 'Europe/Warsaw', week: { sat: [['22:00', '06:00']] } }), '2026-10-24T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 9 * 60],
    ['São Paulo Sunday without a midnight (2018-11-04) has 23 hours', saoPauloSundays, '2018-11-03T12:00:00-03:00', '2018-11-06T00:00:00-02:00', 23 * 60],
  ])('%s', (_name, schedule, from, to, minutes) => {
    expect(businessMinutesBetween(schedule, from, to)).toBe(minutes);
  });

  it('a holiday on the start day removes its overnight shift; one on the next day keeps the tail', () => {
    const tuesdayOff = aSchedule({ timeZone: 'Europe/Warsaw', week: { tue: [['22:00', '06:00']] }, holidays: ['2026-11-24'] });
    const wednesdayOff = aSchedule({ timeZone: 'Europe/Warsaw', week: { tue: [['22:00', '06:00']] }, holidays: ['2026-11-25'] });
    const night = ['2026-11-24T12:00:00+01:00', '2026-11-25T12:00:00+01:00'] as const;
    expect(businessMinutesBetween(tuesdayOff, ...night)).toBe(0);
    expect(businessMinutesBetween(wednesdayOff, ...night)).toBe(8 * 60);
  });

  it('an overnight tail meeting the next day\'s hours counts once', () => {
    const overlapping = aSchedule({ week: { mon: [['20:00', '10:00']], tue: [['08:00', '12:00']] } });
    expect(businessMinutesBetween(overlapping, '2026-11-23T00:00:00Z', '2026-11-25T00:00:00Z')).toBe(16 * 60);
  });

  it('date exceptions replace weekday hours, [] closes, a holiday beats an exception', () => {
    const schedule = aSchedule({
      exceptions: { '2026-11-24': [['10:00', '12:00']], '2026-11-25': [], '11-28': [['09:00', '10:00']], '2026-11-26': [['09:00', '17:00']] },
      holidays: ['2026-11-26'],
    });
    expect(businessMinutesBetween(schedule, '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z')).toBe((8 + 2 + 0 + 0 + 8 + 1) * 60);
  });

  it('a leap-day-only schedule finds its day (recurring 02-29)', () => {
    const leapDay = aSchedule({ week: {}, exceptions: { '02-29': [['09:00', '17:00']] } });
    expect(nextBusinessTime(leapDay, '2026-11-23T00:00:00Z').toISO()).toBe('2028-02-29T09:00:00.000+00:00');
  });
});

describe('isBusinessTime and nextBusinessTime', () => {
  it.each([
    ['open at 09:00', '2026-11-23T09:00:00Z', true],
    ['closed at 17:00', '2026-11-23T17:00:00Z', false],
    ['open a second before 17:00', '2026-11-23T16:59:59Z', true],
    ['closed on Saturday', '2026-11-21T12:00:00Z', false],
  ])('%s (UTC)', (_name, at, open) => {
    expect(isBusinessTime(aSchedule(), at)).toBe(open);
  });

  it('next business time is the instant itself when open, else the next opening', () => {
    expect(nextBusinessTime(aSchedule(), new Date('2026-11-23T12:00:00Z')).toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(nextBusinessTime(aSchedule(), new Date('2026-11-23T17:00:00Z')).toISOString()).toBe('2026-11-24T09:00:00.000Z');
  });

  it('an interval starting in the spring-forward gap moves forward by the gap (New York, 2026-03-08)', () => {
    const gap = aSchedule({ timeZone: 'America/New_York', week: { sun: [['02:30', '04:00']] } });
    expect(nextBusinessTime(gap, '2026-03-08T00:00:00-05:00').toISO()).toBe('2026-03-08T03:30:00.000-04:00');
  });
});

describe('businessPeriodsAfter', () => {
  it('yields open periods in order, the first clipped to the start', () => {
    const periods = businessPeriodsAfter(aSchedule(), toEpochMillis('2026-11-20T12:00:00Z'));
    const firstTwo = [periods.next().value, periods.next().value].map((p) => p && [new Date(p.start).toISOString(), new Date(p.end).toISOString()]);
    expect(firstTwo).toEqual([
      ['2026-11-20T12:00:00.000Z', '2026-11-20T17:00:00.000Z'],
      ['2026-11-23T09:00:00.000Z', '2026-11-23T17:00:00.000Z'],
    ]);
  });
});
