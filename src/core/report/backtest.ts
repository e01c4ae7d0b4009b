import { assessTicket } from '../clock/assess-ticket';
import { snapshotAt } from '../clock/snapshot-draft';
import type { SlaPolicy } from '../policy/sla-policy';
import type { Schedule } from '../schedule';
import type { TicketEvent } from '../ticket/ticket-event';
import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import { compareBacktest, type BacktestComparison } from './backtest-comparison';
import type { SlaObjective } from './objective';
import { recordsFromAssessment } from './records-from-assessment';
import type { ReportRecord } from './report-record';

/** A set of rules to replay tickets against. Keep one `policies` array per set: the policy choice is memoized per array. */
export interface RuleSet {
  readonly policies: readonly SlaPolicy[];
  readonly schedules: Readonly<Record<string, Schedule>>;
}

export interface BacktestTicket {
  readonly ticketId: string;
  readonly history: readonly TicketEvent[];
  /**
   * The instant to replay this ticket at; defaults to the run's `asOf`. Passing the instant its stored records were
   * computed at reproduces them exactly (the server pipeline assesses `snapshotAt(history, now)` at `now`).
   */
  readonly at?: EpochMillis;
}

export interface BacktestConfig {
  readonly current: RuleSet;
  readonly draft: RuleSet;
  /** Only instances that started in [from, to) are compared (the ticket is replayed in full either way). */
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  readonly asOf: EpochMillis;
  readonly objectives?: readonly SlaObjective[];
}

/** What one ticket replays to under one rule set: its records and the policy chosen for it. */
export interface ReplayedTicket {
  readonly policyId: string | null;
  readonly records: readonly ReportRecord[];
}

/**
 * Replays one ticket under one rule set, exactly as the server pipeline assesses it. `snapshot` is the ticket as
 * of `at`; it does not depend on the rules, so a caller replaying under two sets computes it once.
 */
export function replayTicket(ticket: BacktestTicket, rules: RuleSet, at: EpochMillis, snapshot: TicketSnapshot = snapshotOf(ticket, at)): ReplayedTicket {
  const assessment = assessTicket({ ticket: snapshot, history: ticket.history, policies: rules.policies, schedules: rules.schedules, now: at });
  return {
    policyId: assessment.policy.kind === 'selected' ? assessment.policy.policy.id : null,
    records: recordsFromAssessment(snapshot, assessment),
  };
}

function snapshotOf(ticket: BacktestTicket, at: EpochMillis): TicketSnapshot {
  return { ...snapshotAt(ticket.history, at), id: ticket.ticketId };
}

/**
 * A backtest, fed one ticket at a time so a caller can stream histories from storage and show progress: the same
 * core code as production (`assessTicket`, `recordsFromAssessment`), no clock, no randomness, so the same input
 * always gives the same comparison whatever order tickets arrive in.
 */
export class Backtest {
  private readonly current: ReportRecord[] = [];
  private readonly draft: ReportRecord[] = [];
  private readonly switches: { ticketId: string; from: string | null; to: string | null }[] = [];
  private tickets = 0;

  constructor(private readonly config: BacktestConfig) {}

  add(ticket: BacktestTicket): void {
    const at = ticket.at ?? this.config.asOf;
    const snapshot = snapshotOf(ticket, at);
    const before = replayTicket(ticket, this.config.current, at, snapshot);
    // Replaying the current rules as the draft (a reproduction check) needs one assessment, not two.
    const after = this.config.draft === this.config.current ? before : replayTicket(ticket, this.config.draft, at, snapshot);
    this.tickets++;
    if (before.policyId !== after.policyId) this.switches.push({ ticketId: ticket.ticketId, from: before.policyId, to: after.policyId });
    const inPeriod = (r: ReportRecord) => r.startedAt >= this.config.from && r.startedAt < this.config.to;
    for (const r of before.records) if (inPeriod(r)) this.current.push(r);
    for (const r of after.records) if (inPeriod(r)) this.draft.push(r);
  }

  /** Records of the current rules so far (for the reproduction check against stored records). */
  currentRecords(): readonly ReportRecord[] {
    return this.current;
  }

  finish(): BacktestComparison {
    return compareBacktest({ current: this.current, draft: this.draft, switches: this.switches, tickets: this.tickets, asOf: this.config.asOf, objectives: this.config.objectives ?? [] });
  }
}
