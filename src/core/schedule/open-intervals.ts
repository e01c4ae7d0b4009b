import { DateTime } from 'luxon';
import type { EpochMillis } from '../time/instant';
import { END_OF_DAY } from './day-time';
import { hoursOfDate, type ScheduleRules } from './schedule-rules';

type Interval = readonly [EpochMillis, EpochMillis];

/**
 * The instant a wall time of a local date names. A wall time in a spring-forward gap moves forward by the gap
 * (luxon's rule: 02:30 on a day that skips 02:00–03:00 is 03:30); in a fall-back overlap the earlier instant is taken.
 */
function wallTimeToMillis(date: DateTime, minutes: number): EpochMillis {
  const day = Math.floor(minutes / END_OF_DAY);
  const rest = minutes - day * END_OF_DAY;
  const onDate = day === 0 ? date : date.plus({ days: day });
  return DateTime.fromObject(
    { year: onDate.year, month: onDate.month, day: onDate.day, hour: Math.floor(rest / 60), minute: rest % 60 },
    { zone: date.zone },
  ).toMillis();
}

/**
 * The schedule's open intervals overlapping [from, to), as disjoint half-open epoch-millis intervals in order.
 * Overnight intervals belong to their start day, so reading starts one local date early; where an overnight tail
 * meets or overlaps the next day's own hours the two are joined, so no time counts twice.
 */
export function openIntervalsBetween(rules: ScheduleRules, from: EpochMillis, to: EpochMillis): Interval[] {
  const raw: Array<[EpochMillis, EpochMillis]> = [];
  let date = DateTime.fromMillis(from, { zone: rules.zone }).startOf('day').minus({ days: 1 });
  while (date.toMillis() < to) {
    const isoDate = date.toISODate() as string;
    for (const { start, end } of hoursOfDate(rules, isoDate, date.weekday)) {
      const startMs = wallTimeToMillis(date, start);
      const endMs = wallTimeToMillis(date, end);
      if (endMs > startMs && endMs > from && startMs < to) raw.push([startMs, endMs]);
    }
    // startOf again: where midnight does not exist (São Paulo 2018-11-04) the day starts at 01:00.
    date = date.plus({ days: 1 }).startOf('day');
  }
  raw.sort((a, b) => a[0] - b[0]);
  const merged: Array<[EpochMillis, EpochMillis]> = [];
  for (const interval of raw) {
    const last = merged[merged.length - 1];
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([interval[0], interval[1]]);
  }
  return merged;
}
