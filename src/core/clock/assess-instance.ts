import type { EpochMillis } from '../time/instant';
import type { MetricClock } from './metric-clock';
import type { InstanceState } from './metric-state';
import { measureClock, MeasurementScratch } from './measure-clock';
import type { ResolvedTarget } from './resolve-target';

const MINUTE = 60_000;

/**
 * The state of one clock instance on its target at `now`. Half-open, like business hours: a clock is breached from
 * the instant its counted time reaches the target, so a reply exactly at the due time is late.
 *
 * States are written out field by field (no spreads): this runs for every instance of every assessment, which is
 * also why it can measure into the caller's `scratch` (read here, before the next instance is measured).
 */
export function assessInstance(clock: MetricClock, resolved: ResolvedTarget, now: EpochMillis, scratch = new MeasurementScratch()): InstanceState {
  const { clock: targetClock, targetMillis, policy, target } = resolved;
  const startedAt = clock.startedAt;
  const fulfilledAt = clock.fulfilledAt;
  const until = fulfilledAt === null ? now : fulfilledAt;
  const m = measureClock(targetClock, clock.spans, clock.spans.length, clock.openSince, until, targetMillis, scratch);
  const elapsedBusinessMinutes = m.elapsedMillis / MINUTE;
  const elapsedCalendarMinutes = m.calendarMillis / MINUTE;
  const remainingBusinessMinutes = (targetMillis - m.elapsedMillis) / MINUTE;

  if (fulfilledAt !== null) {
    const dueAt = m.dueAt ?? targetClock.add(fulfilledAt, targetMillis - m.elapsedMillis);
    const remainingCalendarMinutes = (dueAt - fulfilledAt) / MINUTE;
    const fulfilledBy = clock.fulfilledBy;
    return m.reached
      ? { kind: 'met_late', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, breachedAt: dueAt, fulfilledAt, fulfilledBy }
      : { kind: 'met', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, fulfilledAt, fulfilledBy };
  }
  const reason = clock.pauseReason;
  if (reason !== null && !(m.reached && m.dueAt !== null)) {
    return { kind: 'paused', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes: null, reason, pausedAt: clock.pausedSince, dueAt: null };
  }
  const dueAt = m.dueAt as EpochMillis;
  const remainingCalendarMinutes = (dueAt - now) / MINUTE;
  if (m.reached) {
    const pause = reason === null ? null : { reason, since: clock.pausedSince };
    return { kind: 'breached', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, breachedAt: dueAt, pause };
  }
  if (resolved.warnMillis <= 0) {
    return { kind: 'active', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, warnAt: null };
  }
  // The warning window is on the target's own clock: 15 business minutes before a due time of 09:10 on a
  // 09:00–17:00 schedule starts at 16:55 the previous working day.
  const warnAt = targetClock.subtract(dueAt, resolved.warnMillis);
  return now >= warnAt
    ? { kind: 'due_soon', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, warnAt }
    : { kind: 'active', policy, target, startedAt, elapsedBusinessMinutes, elapsedCalendarMinutes, remainingBusinessMinutes, remainingCalendarMinutes, dueAt, warnAt };
}
