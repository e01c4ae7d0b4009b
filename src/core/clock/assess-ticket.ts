import { METRIC_NAMES, type MetricName } from '../policy/metric-name';
import type { SlaPolicy } from '../policy/sla-policy';
import type { Schedule } from '../schedule';
import type { TicketEvent } from '../ticket/ticket-event';
import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import { toEpochMillis, type EpochMillis, type InstantInput } from '../time/instant';
import { assessInstance } from './assess-instance';
import { MeasurementScratch } from './measure-clock';
import type { MetricClock } from './metric-clock';
import type { MetricState } from './metric-state';
import { nextCheckAt } from './next-check-at';
import { orderHistory } from './ordered-history';
import { policyContexts, type TargetContext } from './policy-context';
import { replayClocks } from './replay-clocks';
import { resolveTarget } from './resolve-target';
import { buildTimeline } from './sla-timeline';
import type { MetricAssessment, MetricInstanceAssessment, TicketSlaAssessment } from './ticket-sla-assessment';

export interface AssessTicketInput {
  /** The ticket as it is now: it decides the policy and the targets of every clock still running. */
  readonly ticket: TicketSnapshot;
  /** The ticket's events; must contain exactly one `created`. Any order (sorted stably by `at`). */
  readonly history: readonly TicketEvent[];
  /**
   * Every policy of the account, inactive ones included (the choice skips them). Treated as immutable: the policy
   * choice is memoized per array, so pass a new array when the policies change.
   */
  readonly policies: readonly SlaPolicy[];
  /** Schedules by id, as targets' `scheduleId` name them. */
  readonly schedules: Readonly<Record<string, Schedule>>;
  /** The instant to assess at. Events after it are ignored, so a past `now` replays the ticket as it was then. */
  readonly now: InstantInput;
}

/**
 * Every SLA metric of a ticket at `now`: pure, one pass over the history, no luxon per event.
 *
 * Running clocks (and a reopened status metric) are measured on the target of the policy and priority the ticket
 * has now, from the metric's original start, with paused time still paused. Fulfilled instances keep the target
 * in force when they were fulfilled. Throws only on a malformed history (no `created`); unknown schedules make a
 * metric `not_applicable`.
 */
export function assessTicket(input: AssessTicketInput): TicketSlaAssessment {
  const now = toEpochMillis(input.now);
  const contexts = policyContexts(input.policies);
  const replayed = replayClocks(orderHistory(input.history), now, contexts);
  const current = contexts.contextFor(input.ticket);
  const metrics = {} as Record<MetricName, MetricAssessment>;
  const scratch = new MeasurementScratch();
  for (const metric of METRIC_NAMES) {
    metrics[metric] = assessMetric(metric, replayed.clocks[metric], current, input.schedules, now, scratch);
  }
  return {
    kind: 'assessment',
    ticketId: input.ticket.id,
    assessedAt: now,
    policy: current.selection,
    metrics,
    timeline: buildTimeline(replayed.timeline, input.schedules),
    nextCheckAt: nextCheckAt({ metrics, assessedAt: now }),
  };
}

function assessMetric(
  metric: MetricName,
  clocks: readonly MetricClock[],
  current: TargetContext,
  schedules: AssessTicketInput['schedules'],
  now: EpochMillis,
  scratch: MeasurementScratch,
): MetricAssessment {
  const instances: MetricInstanceAssessment[] = [];
  // Consecutive instances nearly always share a context: resolve once per run of them.
  let context: TargetContext | null = null;
  let resolved: ReturnType<typeof resolveTarget> | null = null;
  for (const clock of clocks) {
    const instanceContext = clock.fulfilledIn ?? current;
    if (instanceContext !== context || resolved === null) {
      context = instanceContext;
      resolved = resolveTarget(context, metric, schedules);
    }
    const state = resolved.kind === 'resolved' ? assessInstance(clock, resolved, now, scratch) : resolved;
    instances.push({ metric, instance: clock.instance, startedAt: clock.startedAt, state });
  }
  const latest = instances[instances.length - 1] ?? null;
  return { metric, state: latest?.state ?? stateBeforeStart(metric, current, schedules), current: latest, instances };
}

/** A metric that has not started is `not_started` if it will be measured when it does, else why not. */
function stateBeforeStart(metric: MetricName, current: TargetContext, schedules: AssessTicketInput['schedules']): MetricState {
  const resolved = resolveTarget(current, metric, schedules);
  return resolved.kind === 'resolved' ? { kind: 'not_started' } : resolved;
}
