import { IANAZone } from 'luxon';
import type { EpochMillis } from '../time/instant';

const MINUTE = 60_000;
const DAY = 86_400_000;

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
  // Offsets are at most ±18 h, so the offset at the wall time read as UTC is a guess within a day of the truth.
  const first = zone.offset(wall);
  let guess = wall - first * MINUTE;
  const second = zone.offset(guess);
  if (second === first) return guess;
  guess = wall - second * MINUTE;
  const third = zone.offset(guess);
  if (third === second) return guess;
  // No offset reproduces the wall time: it falls in a gap. Read it with the offset from before the jump (the
  // smaller one), which moves it forward by the gap: 02:30 in New York on 2026-03-08 is 03:30 EDT.
  return wall - Math.min(second, third) * MINUTE;
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
