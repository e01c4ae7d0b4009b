import { assessTicket } from '../clock/assess-ticket';
import { snapshotAt } from '../clock/snapshot-draft';
import type { SlaPolicy } from '../policy/sla-policy';
import type { Schedule } from '../schedule';
import type { TicketEvent } from '../ticket/ticket-event';
import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import { byInstance, bySwitchTicket, missedTarget, sideBySide, type BacktestComparison, type InstanceChange, type PolicySwitch } from './backtest-comparison';
import { ComplianceAccumulator } from './compliance';
import { objectivePeriodOf, objectiveStatusOf, objectiveVerdict, recordCountsFor, type ObjectiveCounts, type SlaObjective } from './objective';
import { recordsFromAssessment } from './records-from-assessment';
import type { ReportDimension, ReportRecord } from './report-record';

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
  const snapshot = snapshotAt(ticket.history, at);
  // snapshotAt gives a fresh object: the ticket's own id (the usual case) needs no second copy.
  return snapshot.id === ticket.ticketId ? snapshot : { ...snapshot, id: ticket.ticketId };
}

interface Side {
  /** By policy, metric and priority, and by metric and priority: each ticket's records are added to both whole. */
  readonly byPolicy: ComplianceAccumulator;
  readonly byMetric: ComplianceAccumulator;
  readonly objectives: ObjectiveCounts[];
}

const BY_POLICY: readonly ReportDimension[] = ['policy', 'metric', 'priority'];
const BY_METRIC: readonly ReportDimension[] = ['metric', 'priority'];

/**
 * A backtest, fed one ticket at a time so a caller can stream histories from storage and show progress: the same
 * core code as production (`assessTicket`, `recordsFromAssessment`), no clock, no randomness, so the same input
 * always gives the same comparison whatever order tickets arrive in. It keeps counts, not records: a month of
 * tickets costs a few numbers per group (retaining every record made the garbage collector half the cost).
 */
export class Backtest {
  private readonly current: Side;
  private readonly draft: Side;
  private readonly periods: readonly { readonly start: EpochMillis; readonly end: EpochMillis }[];
  private readonly gained: InstanceChange[] = [];
  private readonly lost: InstanceChange[] = [];
  private readonly switches: PolicySwitch[] = [];
  private tickets = 0;

  constructor(private readonly config: BacktestConfig) {
    const objectives = config.objectives ?? [];
    const side = (): Side => ({
      byPolicy: new ComplianceAccumulator({ groupBy: BY_POLICY }),
      byMetric: new ComplianceAccumulator({ groupBy: BY_METRIC }),
      objectives: objectives.map(() => ({ good: 0, bad: 0, undecided: 0 })),
    });
    this.current = side();
    this.draft = side();
    this.periods = objectives.map((o) => objectivePeriodOf(config.asOf, o.period, o.timeZone));
  }

  /**
   * Replays one ticket under both rule sets; returns its records under the current rules that started in the period.
   * Each ticket is added once: its records are counted as a whole ticket.
   */
  add(ticket: BacktestTicket): readonly ReportRecord[] {
    const at = ticket.at ?? this.config.asOf;
    const snapshot = snapshotOf(ticket, at);
    const before = replayTicket(ticket, this.config.current, at, snapshot);
    // Replaying the current rules as the draft (a reproduction check) needs one assessment, not two.
    const after = this.config.draft === this.config.current ? before : replayTicket(ticket, this.config.draft, at, snapshot);
    this.tickets++;
    if (before.policyId !== after.policyId) this.switches.push({ ticketId: ticket.ticketId, from: before.policyId, to: after.policyId });
    const currentRecords = this.count(before.records, this.current);
    const draftRecords = this.count(after.records, this.draft);
    this.compareBreaches(currentRecords, draftRecords);
    return currentRecords;
  }

  finish(): BacktestComparison {
    const objectives = this.config.objectives ?? [];
    return {
      tickets: this.tickets,
      byPolicy: sideBySide(this.current.byPolicy.rows(), this.draft.byPolicy.rows(), BY_POLICY),
      byMetric: sideBySide(this.current.byMetric.rows(), this.draft.byMetric.rows(), BY_METRIC),
      breachesGained: [...this.gained].sort(byInstance),
      breachesLost: [...this.lost].sort(byInstance),
      policySwitches: [...this.switches].sort(bySwitchTicket),
      objectives: objectives.map((objective, i) => ({
        objective,
        current: objectiveStatusOf(objective, this.current.objectives[i]!, this.config.asOf),
        draft: objectiveStatusOf(objective, this.draft.objectives[i]!, this.config.asOf),
      })),
    };
  }

  /** Counts a ticket's records of the period on one side; returns them. */
  private count(records: readonly ReportRecord[], side: Side): ReportRecord[] {
    const { from, to } = this.config;
    const kept: ReportRecord[] = [];
    for (const record of records) {
      if (record.startedAt < from || record.startedAt >= to) continue;
      kept.push(record);
      if (side.objectives.length > 0) this.countObjectives(record, side);
    }
    side.byPolicy.addTicket(kept);
    side.byMetric.addTicket(kept);
    return kept;
  }

  private countObjectives(record: ReportRecord, side: Side): void {
    const objectives = this.config.objectives ?? [];
    objectives.forEach((objective, i) => {
      const period = this.periods[i]!;
      if (record.startedAt < period.start || record.startedAt >= period.end || record.startedAt > this.config.asOf || !recordCountsFor(objective, record)) return;
      const verdict = objectiveVerdict(record, objective.targetMinutes);
      if (verdict !== 'not_counted') side.objectives[i]![verdict]++;
    });
  }

  /**
   * Instances of this ticket that miss their target under one set only. A ticket has a handful of records: a scan
   * of the other side per missed instance costs less than building key sets.
   */
  private compareBreaches(current: readonly ReportRecord[], draft: readonly ReportRecord[]): void {
    for (const r of draft) if (missedTarget(r) && !missedIn(current, r)) this.gained.push({ ticketId: r.ticketId, metric: r.metric, instance: r.instance });
    for (const r of current) if (missedTarget(r) && !missedIn(draft, r)) this.lost.push({ ticketId: r.ticketId, metric: r.metric, instance: r.instance });
  }
}

/** Whether the same instance (metric and number) as `record` misses its target among `records`. */
function missedIn(records: readonly ReportRecord[], record: ReportRecord): boolean {
  for (const r of records) if (r.instance === record.instance && r.metric === record.metric && missedTarget(r)) return true;
  return false;
}
