import fc from 'fast-check';
import { addBusinessMillis, businessMillisBetween, isBusinessTimeAt, subtractBusinessMillis } from '../../../src/core/schedule';
import { aSchedule } from './a-schedule';

/* Laws of business time, on a schedule with a split day, an overnight shift, a holiday and a DST zone. */
const schedule = aSchedule({
  timeZone: 'Europe/Warsaw',
  week: {
    mon: [['09:00', '13:00'], ['14:00', '18:00']],
    tue: [['22:00', '06:00']],
    wed: [['09:00', '17:00']],
    fri: [['08:00', '24:00']],
  },
  holidays: ['2026-11-11', '12-25'],
  exceptions: { '2026-12-24': [['09:00', '12:00']] },
});

const FROM = Date.UTC(2026, 0, 1);
const TO = Date.UTC(2027, 11, 31);
const instant = fc.integer({ min: FROM, max: TO });
const duration = fc.integer({ min: 1, max: 60 * 24 * 60 }).map((minutes) => minutes * 60_000);
const params = { numRuns: 200 };

describe('business time laws', () => {
  it('add then between gives back the duration', () => {
    fc.assert(fc.property(instant, duration, (from, d) => businessMillisBetween(schedule, from, addBusinessMillis(schedule, from, d)) === d), params);
  });

  it('add is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(instant, instant, duration, duration, (a, b, d1, d2) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
        return addBusinessMillis(schedule, early, short) <= addBusinessMillis(schedule, early, long) && addBusinessMillis(schedule, early, short) <= addBusinessMillis(schedule, late, short);
      }),
      params,
    );
  });

  it('between is additive over a split', () => {
    fc.assert(fc.property(instant, instant, instant, (a, b, c) => businessMillisBetween(schedule, a, c) === businessMillisBetween(schedule, a, b) + businessMillisBetween(schedule, b, c)), params);
  });

  it('subtract inverts add from a business instant', () => {
    fc.assert(
      fc.property(instant, duration, (from, d) => {
        fc.pre(isBusinessTimeAt(schedule, from));
        return subtractBusinessMillis(schedule, addBusinessMillis(schedule, from, d), d) === from;
      }),
      params,
    );
  });

  it('an add never lands inside a closed period, only on an open instant or a closing one', () => {
    fc.assert(
      fc.property(instant, duration, (from, d) => {
        const at = addBusinessMillis(schedule, from, d);
        return isBusinessTimeAt(schedule, at) || isBusinessTimeAt(schedule, at - 1);
      }),
      params,
    );
  });
});
