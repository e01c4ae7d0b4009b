import { assessTicket, snapshotAt, type TicketSlaAssessment } from '../../../src/core/clock';
import type { MetricName } from '../../../src/core/policy/metric-name';
import type { SlaPolicy } from '../../../src/core/policy/sla-policy';
import type { Schedule } from '../../../src/core/schedule';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { TicketSnapshot } from '../../../src/core/ticket/ticket-snapshot';
import { at } from './history-builder';

export interface AssessCase {
  readonly history: readonly TicketEvent[];
  readonly policies: readonly SlaPolicy[];
  readonly now: string;
  readonly schedules?: Readonly<Record<string, Schedule>>;
  /** Defaults to the history replayed up to `now`. */
  readonly ticket?: TicketSnapshot;
}

/** Assesses a case with the ticket as its history says it is at `now`. */
export function assess(c: AssessCase): TicketSlaAssessment {
  return assessTicket({
    ticket: c.ticket ?? snapshotAt(c.history, at(c.now)),
    history: c.history,
    policies: c.policies,
    schedules: c.schedules ?? {},
    now: c.now,
  });
}

export function stateOf(c: AssessCase, metric: MetricName) {
  return assess(c).metrics[metric].state;
}
