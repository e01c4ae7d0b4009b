import { IANAZone } from 'luxon';
import type { EpochMillis } from '../time/instant';
import { hoursOfDate, type ScheduleRules } from './schedule-rules';
import { civilDate, epochDayAt, wallClockToMillis } from './wall-clock';

type Interval = readonly [EpochMillis, EpochMillis];

/**
 * The schedule's open intervals overlapping [from, to), as disjoint half-open epoch-millis intervals in order.
 * Overnight intervals belong to their start day, so reading starts one local date early; where an overnight tail
 * meets or overlaps the next day's own hours the two are joined, so no time counts twice. Wall times in a DST gap
 * move forward by the gap; so a day whose midnight does not exist (São Paulo, 2018-11-04) opens at 01:00.
 */
export function openIntervalsBetween(rules: ScheduleRules, from: EpochMillis, to: EpochMillis): Interval[] {
  const zone = IANAZone.create(rules.zone);
  const raw: Array<[EpochMillis, EpochMillis]> = [];
  const lastDay = epochDayAt(zone, to);
  for (let day = epochDayAt(zone, from) - 1; day <= lastDay; day++) {
    const { isoDate, weekday } = civilDate(day);
    for (const { start, end } of hoursOfDate(rules, isoDate, weekday)) {
      const startMs = wallClockToMillis(zone, day, start);
      const endMs = wallClockToMillis(zone, day, end);
      if (endMs > startMs && endMs > from && startMs < to) raw.push([startMs, endMs]);
    }
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
