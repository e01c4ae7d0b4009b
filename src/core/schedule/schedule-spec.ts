/**
 * A schedule as admins write it and the app edits it (plain JSON):
 *
 *   { "timeZone": "Europe/Warsaw",
 *     "week": { "mon": [["09:00","13:00"],["14:00","18:00"]], "tue": [["22:00","06:00"]], "sat": [] },
 *     "holidays": ["2026-12-25", "01-01"],
 *     "exceptions": { "2026-12-24": [["09:00","12:00"]] } }
 *
 * Times are "HH:MM" wall clock in `timeZone`; "24:00" is the end of the day; an end at or before its start is an
 * overnight interval that belongs to its start day. A missing day is closed. Holidays ("YYYY-MM-DD" or yearly
 * "MM-DD") close the whole date, even one with an exception. Exceptions replace that date's weekly hours.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** ["HH:MM", "HH:MM"], start and end, wall clock. */
export type IntervalSpec = readonly [string, string];

export interface ScheduleSpec {
  readonly timeZone: string;
  readonly week?: Partial<Readonly<Record<Weekday, readonly IntervalSpec[]>>>;
  readonly holidays?: readonly string[];
  readonly exceptions?: Readonly<Record<string, readonly IntervalSpec[]>>;
}
