import fc from 'fast-check';
import { businessClock, CALENDAR_CLOCK } from '../../../src/core/clock/target-clock';
import { addBusinessMillis, businessMillisBetween, CALENDAR_SCHEDULE, createSchedule, subtractBusinessMillis } from '../../../src/core/schedule';

const office = createSchedule({
  timeZone: 'Europe/Warsaw',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '12:00'], ['13:00', '17:00']], fri: [['22:00', '06:00']] },
  holidays: ['2026-04-06'],
});
const T0 = Date.parse('2026-03-20T00:00:00Z');
const H = 3_600_000;

describe('businessClock', () => {
  it('answers as the business-time functions do, with negative and zero amounts, on one schedule', () => {
    const clock = businessClock(office);
    fc.assert(
      fc.property(fc.integer({ min: -40 * 24, max: 40 * 24 }), fc.integer({ min: -40 * 24, max: 40 * 24 }), fc.integer({ min: -60 * H, max: 60 * H }), (a, b, millis) => {
        const from = T0 + a * H + (a % 7) * 60_000;
        const to = T0 + b * H;
        return (
          clock.between(from, to) === businessMillisBetween(office, from, to) &&
          clock.add(from, millis) === addBusinessMillis(office, from, millis) &&
          clock.subtract(from, millis) === subtractBusinessMillis(office, from, millis)
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('is the calendar clock for the calendar schedule, and one object per schedule', () => {
    expect(businessClock(CALENDAR_SCHEDULE)).toBe(CALENDAR_CLOCK);
    expect(businessClock(office)).toBe(businessClock(office));
  });
});
