import fc from 'fast-check';
import { OpenIntervalIndex } from '../../../src/core/schedule/open-interval-index';
import { toEpochMillis as at } from '../../../src/core/time/instant';

const DAY = 86_400_000;
const H = 3_600_000;
const MONDAY = at('2026-03-02T00:00:00Z');

/** Mon–Fri 09:00–17:00 UTC, plus a night shift Wednesday 22:00 to Thursday 02:00, as a plain interval list. */
function officeIntervals(from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const firstDay = Math.floor((from - MONDAY) / DAY) - 1;
  for (let d = firstDay; MONDAY + d * DAY < to; d++) {
    const day = MONDAY + d * DAY;
    const weekday = (((d % 7) + 7) % 7);
    const todays: Array<[number, number]> = weekday < 5 ? [[day + 9 * H, day + 17 * H]] : [];
    if (weekday === 2) todays.push([day + 22 * H, day + 26 * H]);
    for (const [s, e] of todays) if (e > from && s < to) out.push([s, e]);
  }
  return out;
}

/** The same arithmetic done the slow, obvious way over a wide list. */
function slowBetween(a: number, b: number): number {
  return officeIntervals(a - DAY, b + DAY).reduce((sum, [s, e]) => sum + Math.max(0, Math.min(e, b) - Math.max(s, a)), 0);
}
function slowAdd(from: number, millis: number): number {
  let left = millis;
  for (const [s, e] of officeIntervals(from - DAY, from + 400 * DAY)) {
    if (e <= from) continue;
    const start = Math.max(s, from);
    if (e - start >= left) return start + left;
    left -= e - start;
  }
  throw new Error('no open time');
}

describe('OpenIntervalIndex', () => {
  it.each([
    { name: 'inside one open interval', a: '2026-03-02T10:00:00Z', b: '2026-03-02T11:30:00Z', hours: 1.5 },
    { name: 'across a night', a: '2026-03-02T16:00:00Z', b: '2026-03-03T10:00:00Z', hours: 2 },
    { name: 'across a weekend', a: '2026-03-06T16:00:00Z', b: '2026-03-09T10:00:00Z', hours: 2 },
    { name: 'through the overnight shift', a: '2026-03-04T23:00:00Z', b: '2026-03-05T10:00:00Z', hours: 4 },
    { name: 'all closed', a: '2026-03-07T01:00:00Z', b: '2026-03-08T23:00:00Z', hours: 0 },
  ])('counts open time $name', ({ a, b, hours }) => {
    const index = new OpenIntervalIndex(officeIntervals, at(a));
    expect(index.between(at(a), at(b)) / H).toBe(hours);
  });

  it('adds landing exactly on a closing instant at that instant', () => {
    const index = new OpenIntervalIndex(officeIntervals, MONDAY);
    expect(index.add(at('2026-03-02T16:00:00Z'), H)).toBe(at('2026-03-02T17:00:00Z'));
    expect(index.add(at('2026-03-02T16:00:00Z'), H + 1)).toBe(at('2026-03-03T09:00:00.001Z'));
  });

  it('agrees with the obvious computation anywhere, whichever way the index grows', () => {
    const instant = fc.integer({ min: MONDAY - 90 * DAY, max: MONDAY + 90 * DAY });
    fc.assert(
      fc.property(instant, instant, instant, fc.integer({ min: 1, max: 200 * H }), (origin, a, b, millis) => {
        const index = new OpenIntervalIndex(officeIntervals, origin);
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(index.between(from, to)).toBe(slowBetween(from, to));
        expect(index.add(a, millis)).toBe(slowAdd(a, millis));
      }),
      { numRuns: 300 },
    );
  });

  it('gives up beyond its horizon when there is no open time', () => {
    const index = new OpenIntervalIndex(() => [], MONDAY);
    expect(index.add(MONDAY, H)).toBeNull();
  });
});
