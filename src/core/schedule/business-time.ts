import { DateTime } from 'luxon';
import { toEpochMillis, type EpochMillis, type InstantInput } from '../time/instant';
import { noOpenTime } from './no-open-time';
import type { Schedule } from './schedule';

/*
 * Business time on a schedule. Semantics (src/core/README.md): open intervals are half-open; adding from a closed
 * instant starts at the next opening; an add that runs out exactly at a closing instant returns it, a subtraction
 * that runs out exactly at an opening returns it; durations are elapsed real time, so a fully open 25-hour
 * fall-back day has 25 hours. The millis functions are the engine's hot path; the minute functions wrap them for
 * people and other code.
 */

const MINUTE = 60_000;


/** The instant `durationMs` business milliseconds after `fromMs` (before it when negative; 0 returns `fromMs`). */
export function addBusinessMillis(schedule: Schedule, fromMs: EpochMillis, durationMs: number): EpochMillis {
  if (durationMs < 0) return subtractBusinessMillis(schedule, fromMs, -durationMs);
  if (durationMs === 0 || schedule.kind === 'calendar') return fromMs + durationMs;
  return schedule.openTime.around(fromMs).add(fromMs, durationMs) ?? noOpenTime('after this instant');
}

/** The instant `durationMs` business milliseconds before `fromMs` (after it when negative; 0 returns `fromMs`). */
export function subtractBusinessMillis(schedule: Schedule, fromMs: EpochMillis, durationMs: number): EpochMillis {
  if (durationMs < 0) return addBusinessMillis(schedule, fromMs, -durationMs);
  if (durationMs === 0 || schedule.kind === 'calendar') return fromMs - durationMs;
  return schedule.openTime.around(fromMs).subtract(fromMs, durationMs) ?? noOpenTime('before this instant');
}

/** Business milliseconds from `fromMs` to `toMs`; negative when `toMs` is earlier. */
export function businessMillisBetween(schedule: Schedule, fromMs: EpochMillis, toMs: EpochMillis): number {
  if (schedule.kind === 'calendar') return toMs - fromMs;
  if (toMs < fromMs) return -businessMillisBetween(schedule, toMs, fromMs);
  return schedule.openTime.around(fromMs).between(fromMs, toMs);
}

/** Whether the schedule is open at `ms` (at a closing instant it is closed, at an opening instant open). */
export function isBusinessTimeAt(schedule: Schedule, ms: EpochMillis): boolean {
  return schedule.kind === 'calendar' || schedule.openTime.around(ms).isOpen(ms);
}

/** `ms` when the schedule is open then, else the next opening. */
export function nextBusinessTimeAt(schedule: Schedule, ms: EpochMillis): EpochMillis {
  if (schedule.kind === 'calendar') return ms;
  return schedule.openTime.around(ms).nextOpening(ms) ?? noOpenTime('after this instant');
}

/** A half-open span of open time, epoch millis. */
export interface BusinessPeriod {
  readonly start: EpochMillis;
  readonly end: EpochMillis;
}

/**
 * The open periods from `fromMs` on, in order; the first starts at `fromMs` when the schedule is open then. Endless
 * for a schedule with regular hours: the caller stops. (For the calendar: one period to the end of representable time.)
 */
export function* businessPeriodsAfter(schedule: Schedule, fromMs: EpochMillis): Generator<BusinessPeriod, void, undefined> {
  if (schedule.kind === 'calendar') {
    yield { start: fromMs, end: 8.64e15 };
    return;
  }
  let cursor = fromMs;
  for (;;) {
    const period = schedule.openTime.around(cursor).periodFrom(cursor);
    if (period === null) return;
    yield { start: period[0], end: period[1] };
    cursor = period[1];
  }
}

/* ---- The public API in minutes, on any instant: a Date in gives a Date out, anything else a DateTime. ---- */

function out(schedule: Schedule, input: InstantInput, ms: EpochMillis): Date | DateTime {
  return input instanceof Date ? new Date(ms) : DateTime.fromMillis(ms, { zone: schedule.zone });
}

/**
 * `minutes` business minutes after `from` (fractional allowed; negative subtracts). From a closed instant counting
 * starts at the next opening; landing exactly on a closing instant returns that instant.
 */
export function addBusinessMinutes(schedule: Schedule, from: Date, minutes: number): Date;
export function addBusinessMinutes(schedule: Schedule, from: Exclude<InstantInput, Date>, minutes: number): DateTime;
export function addBusinessMinutes(schedule: Schedule, from: InstantInput, minutes: number): Date | DateTime {
  return out(schedule, from, addBusinessMillis(schedule, toEpochMillis(from), minutes * MINUTE));
}

/** `minutes` business minutes before `from`; mirrors addBusinessMinutes (landing on an opening returns it). */
export function subtractBusinessMinutes(schedule: Schedule, from: Date, minutes: number): Date;
export function subtractBusinessMinutes(schedule: Schedule, from: Exclude<InstantInput, Date>, minutes: number): DateTime;
export function subtractBusinessMinutes(schedule: Schedule, from: InstantInput, minutes: number): Date | DateTime {
  return out(schedule, from, subtractBusinessMillis(schedule, toEpochMillis(from), minutes * MINUTE));
}

/** Business minutes from `from` to `to` (fractional; negative when `to` is earlier). */
export function businessMinutesBetween(schedule: Schedule, from: InstantInput, to: InstantInput): number {
  return businessMillisBetween(schedule, toEpochMillis(from), toEpochMillis(to)) / MINUTE;
}

/** Whether `at` is inside business hours (half-open: at 17:00 a 09:00–17:00 day is closed). */
export function isBusinessTime(schedule: Schedule, at: InstantInput): boolean {
  return isBusinessTimeAt(schedule, toEpochMillis(at));
}

/** `at` when open, else the next opening. */
export function nextBusinessTime(schedule: Schedule, at: Date): Date;
export function nextBusinessTime(schedule: Schedule, at: Exclude<InstantInput, Date>): DateTime;
export function nextBusinessTime(schedule: Schedule, at: InstantInput): Date | DateTime {
  return out(schedule, at, nextBusinessTimeAt(schedule, toEpochMillis(at)));
}
