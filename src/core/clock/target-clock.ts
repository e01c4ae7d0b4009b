import type { Schedule } from '../schedule';
import { noOpenTime } from '../schedule/no-open-time';
import type { LazyIndex } from '../schedule/schedule';
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
    clock = schedule.kind === 'calendar' ? CALENDAR_CLOCK : indexClock(schedule.openTime);
    clocks.set(schedule, clock);
  }
  return clock;
}

/**
 * The business-time functions of business-time.ts (addBusinessMillis, businessMillisBetween, ...) for one
 * schedule, bound straight to its open-interval index: an assessment measures a few hundred spans, and each layer
 * of call between it and the index was a measurable part of that. Negative and zero amounts keep their meaning.
 */
function indexClock(openTime: LazyIndex): TargetClock {
  const add = (from: EpochMillis, millis: number): EpochMillis => {
    if (millis < 0) return subtract(from, -millis);
    if (millis === 0) return from;
    return openTime.around(from).add(from, millis) ?? noOpenTime('after this instant');
  };
  const subtract = (from: EpochMillis, millis: number): EpochMillis => {
    if (millis < 0) return add(from, -millis);
    if (millis === 0) return from;
    return openTime.around(from).subtract(from, millis) ?? noOpenTime('before this instant');
  };
  return {
    between: (from, to) => (to < from ? -openTime.around(to).between(to, from) : openTime.around(from).between(from, to)),
    add,
    subtract,
  };
}
