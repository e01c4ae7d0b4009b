import type { PolicyTarget } from '../policy/sla-policy';
import type { EpochMillis } from '../time/instant';

/** Why a status metric's clock is stopped without being done: the ticket's status (see src/core/README.md). */
export type PauseReason = 'pending' | 'hold';

/** What ended an instance: a public agent reply (reply and update metrics) or the ticket being solved. */
export type FulfilledBy = 'reply' | 'solved';

/**
 * Why a metric is not measured against a target:
 * - `no_policy`: no policy applies to the ticket;
 * - `no_target`: the policy has no target for this metric and the ticket's priority (nor an `any` target);
 * - `missing_schedule`: the target counts business hours of a schedule that is not in `schedules` (admin data can
 *   refer to a deleted schedule: that is reported, never thrown).
 */
export type NotApplicableReason = 'no_policy' | 'no_target' | 'missing_schedule';

/** The policy a target came from, by id and title as the admin named it. */
export interface PolicyRef {
  readonly id: string;
  readonly title: string;
}

/**
 * What every measured state carries. "Business minutes" are minutes of the target's own clock: open minutes of its
 * schedule for a business-hours target, every minute for a calendar target. Calendar minutes are wall-clock
 * minutes while the clock ran (paused spans excluded). Minutes may be fractional.
 */
export interface Measured {
  readonly policy: PolicyRef;
  readonly target: PolicyTarget;
  /** When this instance's clock started (the instant due times are recalculated from). */
  readonly startedAt: EpochMillis;
  readonly elapsedBusinessMinutes: number;
  readonly elapsedCalendarMinutes: number;
  /** `targetMinutes - elapsedBusinessMinutes`: negative once the target is exceeded. */
  readonly remainingBusinessMinutes: number;
  /**
   * Wall-clock minutes from `now` (or from the fulfilment) to `dueAt`, negative when overdue; null while paused,
   * because a paused clock has no due time.
   */
  readonly remainingCalendarMinutes: number | null;
}

export type NotStarted = { readonly kind: 'not_started' };
export type NotApplicable = {
  readonly kind: 'not_applicable';
  readonly reason: NotApplicableReason;
  /** The policy in force, when there is one. */
  readonly policy: PolicyRef | null;
  /** The schedule that could not be found (reason `missing_schedule` only). */
  readonly scheduleId: string | null;
};
/** Running, before the warning window. `warnAt` is null when the target has no warning. */
export type Active = Measured & { readonly kind: 'active'; readonly dueAt: EpochMillis; readonly warnAt: EpochMillis | null };
/** Running, inside the warning window: `warnAt <= now < dueAt`. */
export type DueSoon = Measured & { readonly kind: 'due_soon'; readonly dueAt: EpochMillis; readonly warnAt: EpochMillis };
/**
 * The target was exceeded and the metric is not done. `breachedAt === dueAt`. A breached clock can also be paused
 * (a requester wait time breached, then set to pending): `pause` says so.
 */
export type Breached = Measured & {
  readonly kind: 'breached';
  readonly dueAt: EpochMillis;
  readonly breachedAt: EpochMillis;
  readonly pause: { readonly reason: PauseReason; readonly since: EpochMillis } | null;
};
/** Stopped by the ticket's status before the target was reached. A paused clock has no due time (as in Zendesk). */
export type Paused = Measured & {
  readonly kind: 'paused';
  readonly reason: PauseReason;
  readonly pausedAt: EpochMillis;
  readonly dueAt: null;
};
/** Done before the due time. `dueAt` is the due time the clock would have had, for reports. */
export type Met = Measured & {
  readonly kind: 'met';
  readonly dueAt: EpochMillis;
  readonly fulfilledAt: EpochMillis;
  readonly fulfilledBy: FulfilledBy;
};
/** Done, but at or after the due time. */
export type MetLate = Measured & {
  readonly kind: 'met_late';
  readonly dueAt: EpochMillis;
  readonly breachedAt: EpochMillis;
  readonly fulfilledAt: EpochMillis;
  readonly fulfilledBy: FulfilledBy;
};

/** The state of one instance of a metric; each kind carries only what is true in it. */
export type InstanceState = NotApplicable | Active | DueSoon | Breached | Paused | Met | MetLate;

/** The state of a metric: its current instance's, or `not_started` / `not_applicable` when it has none yet. */
export type MetricState = NotStarted | InstanceState;

export type MetricStateKind = MetricState['kind'];

/** The measured states (those with a policy, a target and elapsed time). */
export type MeasuredState = Exclude<InstanceState, NotApplicable>;

export function isMeasured(state: MetricState): state is MeasuredState {
  return state.kind !== 'not_started' && state.kind !== 'not_applicable';
}
