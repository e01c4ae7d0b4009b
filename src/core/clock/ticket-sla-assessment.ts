import type { MetricName } from '../policy/metric-name';
import type { Priority, TicketSnapshot } from '../ticket/ticket-snapshot';
import type { TicketEvent } from '../ticket/ticket-event';
import type { EpochMillis } from '../time/instant';
import type { PolicySelection } from '../policy';
import type { InstanceState, MetricState, PauseReason, PolicyRef } from './metric-state';

/**
 * One instance of a metric. Reply and update metrics re-arm (each next-reply cycle, each periodic update is an
 * instance); status metrics have one instance that a reopen resumes. `instance` counts from 1 and is stable across
 * assessments of the same history, so (ticket, metric, instance) keys the server's per-instance records.
 */
export interface MetricInstanceAssessment {
  readonly metric: MetricName;
  readonly instance: number;
  readonly startedAt: EpochMillis;
  readonly state: InstanceState;
}

/** A metric of the ticket: the state of its current (latest) instance, and every instance so far, oldest first. */
export interface MetricAssessment {
  readonly metric: MetricName;
  readonly state: MetricState;
  /** The latest instance (the one that is running, if any); null before the metric first starts. */
  readonly current: MetricInstanceAssessment | null;
  readonly instances: readonly MetricInstanceAssessment[];
}

/** A due time that moved because the policy or the priority changed; recalculated from the instance's start. */
export interface DueRecalculation {
  readonly metric: MetricName;
  readonly instance: number;
  readonly recalculatedFrom: EpochMillis;
  /** Null when the metric had no target (or was paused) before / has none (or is paused) after. */
  readonly dueBefore: EpochMillis | null;
  readonly dueAfter: EpochMillis | null;
}

/**
 * What moved due times, as data: the sidebar renders it in words through translations ("priority changed to
 * urgent at 10:42; due time recalculated from 09:15"). Chronological.
 */
export type SlaTimelineEntry =
  | {
      readonly kind: 'policy_changed';
      readonly at: EpochMillis;
      readonly from: PolicyRef | null;
      readonly to: PolicyRef | null;
      readonly recalculations: readonly DueRecalculation[];
    }
  | {
      readonly kind: 'priority_changed';
      readonly at: EpochMillis;
      readonly from: Priority | null;
      readonly to: Priority | null;
      readonly recalculations: readonly DueRecalculation[];
    }
  | { readonly kind: 'paused'; readonly at: EpochMillis; readonly metric: MetricName; readonly instance: number; readonly reason: PauseReason }
  | { readonly kind: 'resumed'; readonly at: EpochMillis; readonly metric: MetricName; readonly instance: number }
  | { readonly kind: 'reopened'; readonly at: EpochMillis; readonly metric: MetricName; readonly instance: number };

/** Everything the engine says about one ticket at `assessedAt`. Pure data (JSON-safe: instants are epoch millis). */
export interface TicketSlaAssessment {
  readonly kind: 'assessment';
  readonly ticketId: string;
  readonly assessedAt: EpochMillis;
  /** The nearest policy for the ticket as it is now, and why. */
  readonly policy: PolicySelection;
  readonly metrics: Readonly<Record<MetricName, MetricAssessment>>;
  readonly timeline: readonly SlaTimelineEntry[];
  /** The earliest instant after `assessedAt` at which this assessment changes with no new event; null if never. */
  readonly nextCheckAt: EpochMillis | null;
}

/**
 * A what-if: the assessment as if the agent saved `patch` at `assessedAt`. A different `kind`, so a preview cannot
 * be stored or compared for write-back by mistake.
 */
export type TicketSlaPreview = Omit<TicketSlaAssessment, 'kind'> & {
  readonly kind: 'preview';
  readonly patch: Partial<TicketSnapshot>;
  /** The events the preview appended to the history (all at `assessedAt`). */
  readonly syntheticEvents: readonly TicketEvent[];
};
