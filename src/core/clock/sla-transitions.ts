import type { MetricName } from '../policy/metric-name';
import type { EpochMillis } from '../time/instant';
import { isMeasured, type FulfilledBy, type InstanceState, type PolicyRef } from './metric-state';
import type { PolicyTarget } from '../policy/sla-policy';
import type { MetricInstanceAssessment, TicketSlaAssessment } from './ticket-sla-assessment';

/**
 * What changed for one metric instance between two assessments of a ticket: data for the server's explicit next
 * steps (store the instance record, record the breach, notify). `at` is when it happened, not when it was seen.
 */
export type SlaTransition =
  | { readonly kind: 'started'; readonly metric: MetricName; readonly instance: number; readonly at: EpochMillis }
  | { readonly kind: 'due_soon'; readonly metric: MetricName; readonly instance: number; readonly at: EpochMillis; readonly dueAt: EpochMillis }
  | { readonly kind: 'breached'; readonly metric: MetricName; readonly instance: number; readonly at: EpochMillis; readonly dueAt: EpochMillis }
  | { readonly kind: 'met'; readonly metric: MetricName; readonly instance: number; readonly at: EpochMillis; readonly by: FulfilledBy }
  | {
      readonly kind: 'met_late';
      readonly metric: MetricName;
      readonly instance: number;
      readonly at: EpochMillis;
      readonly by: FulfilledBy;
      readonly breachedAt: EpochMillis;
    }
  | {
      readonly kind: 'recalculated';
      readonly metric: MetricName;
      readonly instance: number;
      readonly at: EpochMillis;
      readonly from: { readonly policy: PolicyRef; readonly target: PolicyTarget } | null;
      readonly to: { readonly policy: PolicyRef; readonly target: PolicyTarget } | null;
    };

export type SlaTransitionKind = SlaTransition['kind'];

/**
 * The transitions from `before` to `after` (two assessments of one ticket, `before` null for the first), keyed by
 * metric + instance. `started` fires when an instance is first measured against a target (an instance without a
 * target is not reported until it has one); `recalculated` when a measured instance's target changes. A pure diff: the same assessment twice gives none, so a scheduler that wakes twice, or a
 * webhook delivered twice, sends no second email. A clock that breached and was fulfilled between two looks gives
 * both `breached` and `met_late` (the breach happened, even if nobody saw it running). A recalculation that undoes
 * a breach gives `recalculated`; if the clock later breaches again, that is a new `breached`.
 *
 * Order: by metric (Zendesk's order), instance, then started → recalculated → due_soon → breached → met/met_late.
 */
export function compareAssessments(before: TicketSlaAssessment | null, after: TicketSlaAssessment): SlaTransition[] {
  const previous = new Map<string, InstanceState>();
  if (before) {
    for (const metric of Object.values(before.metrics)) {
      for (const i of metric.instances) previous.set(keyOf(i), i.state);
    }
  }
  const transitions: SlaTransition[] = [];
  for (const metric of Object.values(after.metrics)) {
    for (const instance of metric.instances) {
      transitionsOf(previous.get(keyOf(instance)), instance, after.assessedAt, transitions);
    }
  }
  return transitions;
}

function keyOf(instance: MetricInstanceAssessment): string {
  return `${instance.metric}#${instance.instance}`;
}

function transitionsOf(
  was: InstanceState | undefined,
  now: MetricInstanceAssessment,
  assessedAt: EpochMillis,
  out: SlaTransition[],
): void {
  const { metric, instance, state } = now;
  const measuredBefore = was !== undefined && isMeasured(was);
  if (isMeasured(state) && !measuredBefore) out.push({ kind: 'started', metric, instance, at: now.startedAt });
  if (measuredBefore && targetKey(was) !== targetKey(state)) {
    out.push({ kind: 'recalculated', metric, instance, at: assessedAt, from: targetOf(was), to: targetOf(state) });
  }
  const wasKind = was?.kind;
  if (state.kind === 'due_soon' && wasKind !== 'due_soon') out.push({ kind: 'due_soon', metric, instance, at: state.warnAt, dueAt: state.dueAt });
  const breachedNow = state.kind === 'breached' || state.kind === 'met_late';
  const breachedBefore = wasKind === 'breached' || wasKind === 'met_late';
  if (breachedNow && !breachedBefore) out.push({ kind: 'breached', metric, instance, at: state.breachedAt, dueAt: state.dueAt });
  if (state.kind === 'met' && wasKind !== 'met') out.push({ kind: 'met', metric, instance, at: state.fulfilledAt, by: state.fulfilledBy });
  if (state.kind === 'met_late' && wasKind !== 'met_late') {
    out.push({ kind: 'met_late', metric, instance, at: state.fulfilledAt, by: state.fulfilledBy, breachedAt: state.breachedAt });
  }
}

function targetOf(state: InstanceState): { readonly policy: PolicyRef; readonly target: PolicyTarget } | null {
  return isMeasured(state) ? { policy: state.policy, target: state.target } : null;
}

function targetKey(state: InstanceState): string {
  if (!isMeasured(state)) return `none:${state.reason}`;
  const { target, policy } = state;
  return `${policy.id}|${target.metric}|${target.priority}|${target.targetMinutes}|${target.hours}|${target.scheduleId ?? ''}|${target.warnMinutesBefore ?? 0}`;
}
