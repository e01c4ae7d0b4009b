import { OpenIntervalIndex } from './open-interval-index';
import { openIntervalsBetween } from './open-intervals';
import type { ScheduleSpec } from './schedule-spec';
import type { ScheduleRules } from './schedule-rules';

/**
 * Business hours to count time on. Either a validated schedule (made by `createSchedule`/`validateSchedule`, which
 * keeps the admin's `spec` for storage and editing), or the 24/7 calendar that calendar-hours targets count on.
 * The open-interval index is built lazily, grows as instants need it, and is shared by every computation on this
 * schedule: the answers are the same whenever it is built, so the functions stay pure.
 */
export type Schedule =
  | { readonly kind: 'calendar'; readonly zone: 'UTC' }
  | {
      readonly kind: 'business';
      readonly zone: string;
      readonly spec: ScheduleSpec;
      readonly rules: ScheduleRules;
      /** @internal memoised open intervals; use the functions of business-time.ts */
      readonly openTime: LazyIndex;
    };

/** One index per schedule, made on first use around the first instant asked about. */
export class LazyIndex {
  private index: OpenIntervalIndex | null = null;
  constructor(private readonly rules: ScheduleRules) {}
  around(t: number): OpenIntervalIndex {
    this.index ??= new OpenIntervalIndex((from, to) => openIntervalsBetween(this.rules, from, to), t);
    return this.index;
  }
}

/** Every minute counts: what calendar-hours targets are measured on. */
export const CALENDAR_SCHEDULE: Schedule = Object.freeze({ kind: 'calendar', zone: 'UTC' });

/** @internal used by validateSchedule once the spec has passed every check. */
export function buildSchedule(spec: ScheduleSpec, rules: ScheduleRules): Schedule {
  return { kind: 'business', zone: rules.zone, spec, rules, openTime: new LazyIndex(rules) };
}

/** The IANA zone the schedule's wall times are in ('UTC' for the calendar). */
export function scheduleZone(schedule: Schedule): string {
  return schedule.zone;
}
