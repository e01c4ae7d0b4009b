import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';
import { fail, ok, ValidationError, type FieldError, type Result } from '../result';
import { parseDayTime, toDayInterval, type DayInterval } from './day-time';
import { buildSchedule, type Schedule } from './schedule';
import { WEEKDAYS, type IntervalSpec, type ScheduleSpec } from './schedule-spec';
import type { DateRules, ScheduleRules } from './schedule-rules';

const intervalSchema = z.tuple([z.string(), z.string()]);
const hoursSchema = z.array(intervalSchema);

/** The structure of a schedule; meaning (times, dates, overlaps, zone) is checked after, with paths. */
export const scheduleSpecSchema = z.strictObject({
  timeZone: z.string(),
  week: z.strictObject(Object.fromEntries(WEEKDAYS.map((day) => [day, hoursSchema.optional()]))).optional(),
  holidays: z.array(z.string()).optional(),
  exceptions: z.record(z.string(), hoursSchema).optional(),
});

/** `week.mon[1]`, `exceptions["2026-12-24"][0]`: zod's path in the notation admins read in error messages. */
function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key, i) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    if (/^[A-Za-z_]\w*$/.test(name)) return i === 0 ? name : `${out}.${name}`;
    return `${out}[${JSON.stringify(name)}]`;
  }, '');
}

const problem = (path: ReadonlyArray<PropertyKey>, code: string, message: string): FieldError => ({
  path: formatPath(path),
  code,
  message,
});

function compileHours(hours: readonly IntervalSpec[], path: PropertyKey[], errors: FieldError[]): DayInterval[] {
  const compiled: Array<DayInterval & { index: number }> = [];
  hours.forEach(([startText, endText], index) => {
    const start = parseDayTime(startText);
    const end = parseDayTime(endText);
    if (start === null) errors.push(problem([...path, index, 0], 'invalid_time', `"${startText}" is not a time of day (HH:MM, 00:00–23:59)`));
    else if (start === 1440) errors.push(problem([...path, index, 0], 'invalid_time', '"24:00" ends a day; it cannot start an interval'));
    if (end === null) errors.push(problem([...path, index, 1], 'invalid_time', `"${endText}" is not a time of day (HH:MM, 00:00–24:00)`));
    if (start !== null && start < 1440 && end !== null) compiled.push({ ...toDayInterval(start, end), index });
  });
  const ordered = [...compiled].sort((a, b) => a.start - b.start);
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1] as DayInterval & { index: number };
    const current = ordered[i] as DayInterval & { index: number };
    if (current.start < previous.end) {
      errors.push(problem([...path, current.index], 'overlapping_intervals', `overlaps interval ${previous.index} of the same day`));
    }
  }
  return ordered.map(({ start, end }) => ({ start, end }));
}

/** "YYYY-MM-DD" (a real date) or "MM-DD" (a day that exists in some year, so "02-29" is allowed). */
function dateKind(text: string): 'date' | 'yearly' | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return DateTime.fromISO(text, { zone: 'utc' }).isValid ? 'date' : null;
  if (/^\d{2}-\d{2}$/.test(text)) return DateTime.fromISO(`2000-${text}`, { zone: 'utc' }).isValid ? 'yearly' : null;
  return null;
}

function addDateRule<T>(rules: { onDate: Map<string, T>; yearly: Map<string, T> }, text: string, value: T, path: PropertyKey[], errors: FieldError[]): void {
  const kind = dateKind(text);
  if (kind === null) errors.push(problem(path, 'invalid_date', `"${text}" is not a date (YYYY-MM-DD, or MM-DD for every year)`));
  else (kind === 'date' ? rules.onDate : rules.yearly).set(text, value);
}

function compileRules(spec: ScheduleSpec, errors: FieldError[]): ScheduleRules {
  if (!IANAZone.isValidZone(spec.timeZone)) {
    errors.push(problem(['timeZone'], 'unknown_time_zone', `"${spec.timeZone}" is not an IANA time zone (e.g. Europe/Warsaw)`));
  }
  const week = WEEKDAYS.map((day) => compileHours(spec.week?.[day] ?? [], ['week', day], errors));
  const holidays = { onDate: new Map<string, true>(), yearly: new Map<string, true>() };
  (spec.holidays ?? []).forEach((text, i) => addDateRule(holidays, text, true as const, ['holidays', i], errors));
  const exceptions = { onDate: new Map<string, DayInterval[]>(), yearly: new Map<string, DayInterval[]>() };
  for (const [text, hours] of Object.entries(spec.exceptions ?? {})) {
    addDateRule(exceptions, text, compileHours(hours, ['exceptions', text], errors), ['exceptions', text], errors);
  }
  return { zone: spec.timeZone, week, holidays, exceptions };
}

function hasOpenTime(rules: ScheduleRules): boolean {
  const open = (dates: DateRules<readonly DayInterval[]>) => [...dates.onDate.values(), ...dates.yearly.values()].some((h) => h.length > 0);
  return rules.week.some((hours) => hours.length > 0) || open(rules.exceptions);
}

/**
 * Checks a schedule as admins write it (see ScheduleSpec) and compiles it. Every problem is listed, each with its
 * path (`week.mon[1]`, `holidays[0]`, `exceptions["2026-12-24"][0][1]`) and a stable code for translations.
 */
export function validateSchedule(input: unknown): Result<Schedule, FieldError> {
  const parsed = scheduleSpecSchema.safeParse(input);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => problem(issue.path, issue.code === 'unrecognized_keys' ? 'unknown_key' : 'invalid_type', issue.message)));
  }
  const spec = parsed.data as ScheduleSpec;
  const errors: FieldError[] = [];
  const rules = compileRules(spec, errors);
  if (errors.length === 0 && !hasOpenTime(rules)) {
    errors.push(problem(['week'], 'no_open_time', 'the schedule is never open: give at least one day some hours'));
  }
  return errors.length > 0 ? fail(errors) : ok(buildSchedule(spec, rules));
}

/** Like validateSchedule, for code that holds a schedule it trusts: throws a ValidationError listing every problem. */
export function createSchedule(spec: ScheduleSpec | unknown): Schedule {
  const result = validateSchedule(spec);
  if (!result.ok) throw new ValidationError('schedule', result.errors);
  return result.value;
}
