import type { DayInterval } from './day-time';

/** Local dates as written in a schedule: "YYYY-MM-DD" (that date) or "MM-DD" (that date every year). */
export interface DateRules<T> {
  readonly onDate: ReadonlyMap<string, T>;
  readonly yearly: ReadonlyMap<string, T>;
}

/**
 * A validated schedule, compiled for computation: weekly hours by luxon weekday (1 = Monday … 7 = Sunday),
 * holidays and date exceptions by local date.
 */
export interface ScheduleRules {
  readonly zone: string;
  readonly week: ReadonlyArray<readonly DayInterval[]>;
  readonly holidays: DateRules<true>;
  readonly exceptions: DateRules<readonly DayInterval[]>;
}

function lookUp<T>(rules: DateRules<T>, isoDate: string): T | undefined {
  return rules.onDate.get(isoDate) ?? rules.yearly.get(isoDate.slice(5));
}

/**
 * The hours a local date opens, before time zone arithmetic: none on a holiday (even with an exception), the
 * date's exception when it has one, else its weekday's hours.
 */
export function hoursOfDate(rules: ScheduleRules, isoDate: string, weekday: number): readonly DayInterval[] {
  if (lookUp(rules.holidays, isoDate)) return [];
  return lookUp(rules.exceptions, isoDate) ?? rules.week[weekday - 1] ?? [];
}
