import { WEEKDAYS, type FieldError, type IntervalSpec, type ScheduleSpec, type Weekday } from '../../../../core';

/** ["HH:MM", "HH:MM"] as typed. */
export type IntervalDraft = readonly [string, string];

export interface ExceptionDraft {
  /** "YYYY-MM-DD", or "MM-DD" for every year. */
  readonly date: string;
  readonly hours: readonly IntervalDraft[];
}

/** A schedule as the editor holds it: exceptions as rows (a date being typed is not a key yet). */
export interface ScheduleDraft {
  readonly id: string | null;
  readonly name: string;
  readonly timeZone: string;
  readonly week: Readonly<Record<Weekday, readonly IntervalDraft[]>>;
  readonly holidays: readonly string[];
  readonly exceptions: readonly ExceptionDraft[];
}

const WORKDAY: readonly IntervalDraft[] = [['09:00', '17:00']];

/** Monday to Friday 09:00–17:00 in the admin's zone: where most schedules start. */
export function newScheduleDraft(timeZone: string): ScheduleDraft {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, day === 'sat' || day === 'sun' ? [] : WORKDAY])) as Record<Weekday, readonly IntervalDraft[]>;
  return { id: null, name: '', timeZone, week, holidays: [], exceptions: [] };
}

export function scheduleDraftOf(id: string, name: string, spec: ScheduleSpec): ScheduleDraft {
  const week = Object.fromEntries(WEEKDAYS.map((day) => [day, spec.week?.[day] ?? []])) as Record<Weekday, readonly IntervalDraft[]>;
  return {
    id,
    name,
    timeZone: spec.timeZone,
    week,
    holidays: spec.holidays ?? [],
    exceptions: Object.entries(spec.exceptions ?? {}).map(([date, hours]) => ({ date, hours })),
  };
}

const trimmed = (hours: readonly IntervalDraft[]): IntervalSpec[] => hours.map(([start, end]) => [start.trim(), end.trim()] as const);

/** The ScheduleSpec the draft describes (unchecked: validateSchedule says what is wrong). */
export function specOf(draft: ScheduleDraft): ScheduleSpec {
  return {
    timeZone: draft.timeZone,
    week: Object.fromEntries(WEEKDAYS.map((day) => [day, trimmed(draft.week[day])])),
    holidays: draft.holidays.map((h) => h.trim()),
    exceptions: Object.fromEntries(draft.exceptions.map((e) => [e.date.trim(), trimmed(e.hours)])),
  };
}

/** Two exception rows on one date would silently become one: the editor refuses it by name. */
export function duplicateExceptionDates(draft: ScheduleDraft): FieldError[] {
  const seen = new Set<string>();
  return draft.exceptions.flatMap((e, i) => {
    const date = e.date.trim();
    if (!seen.has(date)) {
      seen.add(date);
      return [];
    }
    return [{ path: `exceptions[${i}]`, code: 'duplicate_date', message: `${date} has hours above`, params: { date } }];
  });
}

/**
 * Problems renamed from the spec's keys (`exceptions["2026-12-24"][0][1]`) to the editor's rows (`exceptions[2][0][1]`).
 */
export function toRowPaths(problems: readonly FieldError[], draft: ScheduleDraft): FieldError[] {
  return problems.map((p) => {
    const match = /^exceptions\[("(?:[^"\\]|\\.)*")\](.*)$/.exec(p.path);
    if (!match) return p;
    const date = JSON.parse(match[1] as string) as string;
    const index = draft.exceptions.findIndex((e) => e.date.trim() === date);
    return index === -1 ? p : { ...p, path: `exceptions[${index}]${match[2] ?? ''}` };
  });
}

/** An interval whose end is at or before its start runs overnight into the next day (it belongs to its start day). */
export function isOvernight([start, end]: IntervalDraft): boolean {
  const minutes = (text: string) => {
    const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
    return m ? Number(m[1]) * 60 + Number(m[2]) : null;
  };
  const [a, b] = [minutes(start), minutes(end)];
  return a !== null && b !== null && b <= a;
}
