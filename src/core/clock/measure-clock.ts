import type { EpochMillis } from '../time/instant';
import type { TargetClock } from './target-clock';

/** A clock instance measured on one target: how much counted time it has, and when it reaches the target. */
export interface Measurement {
  /** Counted milliseconds (on the target's clock) while running, up to `until`. */
  readonly elapsedMillis: number;
  /** Wall-clock milliseconds while running, up to `until`. */
  readonly calendarMillis: number;
  /**
   * The instant the counted time reaches the target: inside the spans if it already did, else projected from the
   * running span; null when it has not and nothing runs. It never depends on `until` while the clock runs, so the
   * due time is the same number at every `now`.
   */
  readonly dueAt: EpochMillis | null;
  /** Whether `dueAt` was reached within the measured time (a breach). */
  readonly reached: boolean;
}

/** A Measurement to measure into, again and again: an assessment measures about a hundred instances. */
export class MeasurementScratch implements Measurement {
  elapsedMillis = 0;
  calendarMillis = 0;
  dueAt: EpochMillis | null = null;
  reached = false;
}

/**
 * Measures closed running spans (flat [start, end, ...]) plus an optional running span from `openSince` to
 * `until`, against `targetMillis` on `clock`.
 *
 * Worked example (Mon–Fri 09:00–17:00, target 120 business minutes): spans [Mon 16:00, Mon 16:30) and a running
 * span since Tue 09:10; at Tue 09:40 elapsed = 30 + 30 = 60 min; due = 90 min after Tue 09:10 = Tue 10:40.
 *
 * Writes into `into` when given (and returns it): the caller reads it before measuring again.
 */
export function measureClock(
  clock: TargetClock,
  spans: readonly EpochMillis[],
  spanCount: number,
  openSince: EpochMillis | null,
  until: EpochMillis,
  targetMillis: number,
  into: MeasurementScratch = new MeasurementScratch(),
): Measurement {
  let elapsed = 0;
  let calendar = 0;
  let dueAt: EpochMillis | null = null;
  for (let i = 0; i < spanCount; i += 2) {
    const start = spans[i] as number;
    const end = spans[i + 1] as number;
    const counted = clock.between(start, end);
    if (dueAt === null && elapsed + counted >= targetMillis) dueAt = clock.add(start, targetMillis - elapsed);
    elapsed += counted;
    calendar += end - start;
  }
  let reached = dueAt !== null;
  if (openSince !== null) {
    const end = Math.max(until, openSince);
    if (dueAt === null) dueAt = clock.add(openSince, targetMillis - elapsed);
    elapsed += clock.between(openSince, end);
    calendar += end - openSince;
    reached = dueAt <= end;
  }
  into.elapsedMillis = elapsed;
  into.calendarMillis = calendar;
  into.dueAt = dueAt;
  into.reached = reached;
  return into;
}
