import { IANAZone } from 'luxon';
import type { EpochMillis } from '../time/instant';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Longer than any fall-back overlap (at most 2 h in the tz database), shorter than the time between transitions. */
const OVERLAP_LOOKBACK = 6 * 60 * MINUTE;

/**
 * The instant a wall-clock time names in a zone, by the same rule as luxon's DateTime.fromObject: a wall time in a
 * spring-forward gap moves forward by the gap; in a fall-back overlap the earlier instant is taken. Done with the
 * zone's offset function directly, because building a DateTime per interval edge dominated the cost of computing
 * a schedule's open intervals. `spec/core/schedule/wall-clock.spec.ts` checks it against luxon.
 *
 * @param epochDay days since 1970-01-01 of the local date; @param minutes minutes after its midnight (may exceed 1440)
 */
export function wallClockToMillis(zone: IANAZone, epochDay: number, minutes: number): EpochMillis {
  const wall = epochDay * DAY + minutes * MINUTE;
  const at = (offset: number) => wall - offset * MINUTE;
  // Offsets are at most ±18 h, so the offset at the wall time read as UTC is a guess within a day of the truth.
  const first = zone.offset(wall);
  let guess = at(first);
  let offset = zone.offset(guess);
  if (offset !== first) {
    guess = at(offset);
    const third = zone.offset(guess);
    // No offset reproduces the wall time: it falls in a gap. Read it with the offset from before the jump (the
    // smaller one), which moves it forward by the gap: 02:30 in New York on 2026-03-08 is 03:30 EDT.
    if (third !== offset) return wall - Math.min(offset, third) * MINUTE;
    offset = third;
  }
  // In a fall-back overlap the wall time happens twice, and the guess may have found the second (east of UTC it
  // does: 02:30 in Warsaw read as UTC is already past the transition). The offset from before the transition
  // names the first, if it reproduces the wall time too.
  const before = zone.offset(guess - OVERLAP_LOOKBACK);
  if (before !== offset && zone.offset(at(before)) === before && at(before) < guess) return at(before);
  return guess;
}

/** The local date containing an instant, as days since 1970-01-01. */
export function epochDayAt(zone: IANAZone, ms: EpochMillis): number {
  return Math.floor((ms + zone.offset(ms) * MINUTE) / DAY);
}

/** "YYYY-MM-DD" of an epoch day, and its ISO weekday (1 = Monday … 7 = Sunday). */
export function civilDate(epochDay: number): { readonly isoDate: string; readonly weekday: number } {
  const isoDate = new Date(epochDay * DAY).toISOString().slice(0, 10);
  // 1970-01-01 was a Thursday (4).
  const weekday = ((((epochDay + 3) % 7) + 7) % 7) + 1;
  return { isoDate, weekday };
}
