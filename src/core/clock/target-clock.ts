import { addBusinessMillis, businessMillisBetween, subtractBusinessMillis, type Schedule } from '../schedule';
import type { EpochMillis } from '../time/instant';

/**
 * The clock a target counts on, in epoch millis: a schedule's business time, or every millisecond for calendar
 * targets (the arithmetic of CALENDAR_SCHEDULE, without the call).
 */
export interface TargetClock {
  /** Counted milliseconds in [from, to), from <= to. */
  between(from: EpochMillis, to: EpochMillis): number;
  /** The instant `millis` counted milliseconds after `from` (lands on a closing instant when it ends there). */
  add(from: EpochMillis, millis: number): EpochMillis;
  /** The instant `millis` counted milliseconds before `from`. */
  subtract(from: EpochMillis, millis: number): EpochMillis;
}

export const CALENDAR_CLOCK: TargetClock = {
  between: (from, to) => to - from,
  add: (from, millis) => from + millis,
  subtract: (from, millis) => from - millis,
};

const clocks = new WeakMap<Schedule, TargetClock>();

/** One clock object per schedule, shared by every assessment that passes the same schedule object. */
export function businessClock(schedule: Schedule): TargetClock {
  let clock = clocks.get(schedule);
  if (!clock) {
    // Bound once here: a CommonJS loader (tsx, jest) turns every use of an imported name into a getter call
    // through each re-exporting index, which cost a tenth of an assessment when made per span.
    const between = businessMillisBetween;
    const add = addBusinessMillis;
    const subtract = subtractBusinessMillis;
    clock = {
      between: (from, to) => between(schedule, from, to),
      add: (from, millis) => add(schedule, from, millis),
      subtract: (from, millis) => subtract(schedule, from, millis),
    };
    clocks.set(schedule, clock);
  }
  return clock;
}
