import type { MetricName } from '../policy/metric-name';
import type { EpochMillis } from '../time/instant';
import { isMeasured, type MetricState, type PolicyRef } from './metric-state';
import type { TicketSlaAssessment } from './ticket-sla-assessment';

/**
 * How a policy edit moves one metric of one ticket, as the admin's "impact preview" lists it. One word per metric,
 * the most telling one first: whether the metric is measured at all, then whether it is breached, then whether its
 * due time moved, then whether only the policy behind it changed.
 */
export type ImpactChangeKind =
  | 'newly_applies'
  | 'no_longer_applies'
  | 'newly_breached'
  | 'no_longer_breached'
  | 'earlier'
  | 'later'
  | 'policy_changed';

export interface ImpactChange {
  readonly metric: MetricName;
  readonly change: ImpactChangeKind;
  /** The current instance's due time before / after the edit; null when it has none (paused, not started, no target). */
  readonly dueBefore: EpochMillis | null;
  readonly dueAfter: EpochMillis | null;
  /** The policy behind the metric before / after the edit; null when no policy applies. */
  readonly policyBefore: PolicyRef | null;
  readonly policyAfter: PolicyRef | null;
}

/**
 * What changes between two assessments of one ticket at the same instant, one under the policies in force and one
 * under a draft (pure: both are the caller's `assessTicket` results). Metrics whose state is the same on both sides
 * are left out, so an edit that touches nothing gives `[]`. Only each metric's current instance is compared: that is
 * what the sidebar, the write-back and the notifications act on.
 */
export function compareImpact(before: TicketSlaAssessment, after: TicketSlaAssessment): ImpactChange[] {
  const changes: ImpactChange[] = [];
  for (const metric of Object.keys(after.metrics) as MetricName[]) {
    const was = before.metrics[metric]?.state ?? { kind: 'not_started' };
    const is = after.metrics[metric].state;
    const change = changeOf(was, is, policyOf(before, was), policyOf(after, is));
    if (change) {
      changes.push({ metric, change, dueBefore: dueOf(was), dueAfter: dueOf(is), policyBefore: policyOf(before, was), policyAfter: policyOf(after, is) });
    }
  }
  return changes;
}

function changeOf(was: MetricState, is: MetricState, policyBefore: PolicyRef | null, policyAfter: PolicyRef | null): ImpactChangeKind | null {
  const [appliedBefore, appliesAfter] = [applies(was), applies(is)];
  if (!appliedBefore || !appliesAfter) return appliedBefore === appliesAfter ? null : appliesAfter ? 'newly_applies' : 'no_longer_applies';
  const [breachedBefore, breachedAfter] = [breached(was), breached(is)];
  if (breachedBefore !== breachedAfter) return breachedAfter ? 'newly_breached' : 'no_longer_breached';
  // A metric already met (late or not) under both is done: its due time may be computed anew, but nothing about
  // it will happen any more, so it is not an impact on an open ticket.
  if (done(was) && done(is)) return null;
  const moved = movement(was, is);
  if (moved) return moved;
  return policyBefore?.id !== policyAfter?.id ? 'policy_changed' : null;
}

/** Measured against a target, or will be once it starts (`not_started` means a target is waiting for it). */
function applies(state: MetricState): boolean {
  return state.kind !== 'not_applicable';
}

function done(state: MetricState): boolean {
  return state.kind === 'met' || state.kind === 'met_late';
}

function breached(state: MetricState): boolean {
  return state.kind === 'breached' || state.kind === 'met_late';
}

/**
 * Earlier or later: by due time when both sides have one; a paused clock has no due time, so two paused sides
 * compare by the business minutes left (less left = due earlier once it resumes).
 */
function movement(was: MetricState, is: MetricState): 'earlier' | 'later' | null {
  const [dueBefore, dueAfter] = [dueOf(was), dueOf(is)];
  if (dueBefore !== null && dueAfter !== null) return dueAfter < dueBefore ? 'earlier' : dueAfter > dueBefore ? 'later' : null;
  if (isMeasured(was) && isMeasured(is) && dueBefore === null && dueAfter === null) {
    const [left, leftAfter] = [was.remainingBusinessMinutes, is.remainingBusinessMinutes];
    return leftAfter < left ? 'earlier' : leftAfter > left ? 'later' : null;
  }
  return null;
}

function dueOf(state: MetricState): EpochMillis | null {
  return isMeasured(state) ? state.dueAt : null;
}

function policyOf(assessment: TicketSlaAssessment, state: MetricState): PolicyRef | null {
  if (isMeasured(state)) return state.policy;
  if (state.kind === 'not_applicable') return state.policy;
  const selection = assessment.policy;
  return selection.kind === 'selected' ? { id: selection.policy.id, title: selection.policy.title } : null;
}
