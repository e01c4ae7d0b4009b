import { Backtest, type BacktestComparison, type ReportRecord, type RuleSet } from '../../core/report';
import { compileRules } from '../pipeline/account-rules';
import type { EpochMillis } from '../../core/time/instant';
import { compareTicket, isInstanceOf, recordOfTuple, type RecordTuple } from '../store/report-record-tuples';
import type { SlaStore } from '../store/sla-store';

/**
 * Histories and stored records are read this many tickets at a time: one query each, bounded memory. Small enough
 * that a batch's parsed events and records die young: at 500 tickets, the young-generation collections copying
 * them cost ~170 ms per 20,000 tickets, at 100 ~45 ms; the extra queries cost less than the difference.
 */
const BATCH = 100;

export interface BacktestRunInput {
  readonly store: SlaStore;
  readonly accountId: string;
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  /** Replay every ticket at this instant; by default each at the instant its stored records were computed. */
  readonly asOf?: EpochMillis;
  /** The rules to compare with the account's current ones; by default the current ones (a reproduction check). */
  readonly draft?: (current: RuleSet) => RuleSet;
  /**
   * Also compare the replay of the current rules with the stored records (the reproduction check), which reads
   * every stored record of the period besides the histories. By default only without a draft: that is what such a
   * run is for, while a what-if compares the draft with the current rules replayed alike, whatever was recorded.
   */
  readonly verify?: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Whether replaying the current rules gave back exactly the records the server stored. */
export interface Reproduction {
  readonly stored: number;
  readonly replayed: number;
  readonly identical: number;
  /** The first few instances that differ (or exist on one side only), as `ticket/metric#instance`. */
  readonly differing: readonly string[];
}

export interface BacktestRun {
  readonly comparison: BacktestComparison;
  /** Null when the run did not verify (see BacktestRunInput.verify). */
  readonly reproduction: Reproduction | null;
  /** Policy titles by id, from both rule sets (the comparison speaks in ids). */
  readonly policyTitles: Readonly<Record<string, string>>;
}

const keyOf = (r: ReportRecord) => `${r.ticketId}/${r.metric}#${r.instance}`;

/** Code-unit order, the same on every machine (what SQL's `order by` gives for ids and metric names). */
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The order the stored records of a slice are listed in (listSliceRecords): oldest first. */
const byStart = (a: ReportRecord, b: ReportRecord) => a.startedAt - b.startedAt || order(a.ticketId, b.ticketId) || order(a.metric, b.metric) || a.instance - b.instance;

const SHOWN = 10;

/**
 * Compares replayed records with the stored ones a batch of tickets at a time (the store reads both per batch). A
 * replayed record is looked up among its ticket's few stored ones and compared field by field with the stored
 * tuple as read (no record objects, no key strings, no JSON). Only the first few differences are kept: those found
 * replaying, then stored records no replay gave back.
 */
class ReproductionCheck {
  private stored = 0;
  private replayed = 0;
  private identical = 0;
  private readonly differing: string[] = [];
  /** The oldest stored records no replay gave back, at most SHOWN, oldest first. */
  private unmatched: ReportRecord[] = [];

  private readonly verdict = (record: ReportRecord, identical: boolean): void => {
    if (identical) this.identical++;
    else if (this.differing.length < SHOWN) this.differing.push(keyOf(record));
  };

  /** Compares one batch: its tickets' stored records, and what replaying each gave. */
  addBatch(stored: ReadonlyMap<string, readonly RecordTuple[]>, replayed: ReadonlyMap<string, readonly ReportRecord[]>): void {
    const unclaimed: ReportRecord[] = [];
    for (const tuples of stored.values()) this.stored += tuples.length;
    for (const [ticketId, records] of replayed) {
      const tuples = stored.get(ticketId) ?? [];
      const claimed = compareTicket(tuples, records, this.verdict);
      this.replayed += records.length;
      if (claimed < tuples.length) for (const t of tuples) if (!records.some((r) => isInstanceOf(t, r))) unclaimed.push(recordOfTuple(ticketId, t));
    }
    for (const [ticketId, tuples] of stored) if (!replayed.has(ticketId)) for (const t of tuples) unclaimed.push(recordOfTuple(ticketId, t));
    if (unclaimed.length > 0) this.unmatched = [...this.unmatched, ...unclaimed].sort(byStart).slice(0, SHOWN);
  }

  result(): Reproduction {
    const differing = [...this.differing, ...this.unmatched.map(keyOf)].slice(0, SHOWN);
    return { stored: this.stored, replayed: this.replayed, identical: this.identical, differing };
  }
}

/** Replays the account's tickets with records in [from, to) under the current and the draft rules, from the store. */
export async function runBacktest(input: BacktestRunInput): Promise<BacktestRun> {
  const { store, accountId, from, to } = input;
  const [policies, schedules, objectives, tickets] = await Promise.all([
    store.listPolicies(accountId),
    store.listSchedules(accountId),
    store.listObjectives(accountId),
    store.listSliceTickets({ accountId, from, to }),
  ]);
  // Exactly what the pipeline gives the core, so replaying the current rules reproduces the stored records.
  const current = compileRules(policies, schedules, { warn: () => undefined });
  const draft = input.draft ? input.draft(current) : current;
  const asOf = input.asOf ?? to;
  const backtest = new Backtest({ current, draft, from, to, asOf, objectives: objectives.map((o) => o.objective) });
  const reproduction = (input.verify ?? !input.draft) ? new ReproductionCheck() : null;
  for (let start = 0; start < tickets.length; start += BATCH) {
    const batch = tickets.slice(start, start + BATCH);
    const ids = batch.map((t) => t.ticketId);
    const [histories, stored] = await Promise.all([
      store.listTicketHistories(accountId, ids),
      reproduction ? store.listSliceRecordTuplesOfTickets({ accountId, from, to }, ids) : null,
    ]);
    const replayed = new Map<string, readonly ReportRecord[]>();
    for (const { ticketId, assessedAt } of batch) {
      const history = histories.get(ticketId);
      if (!history?.some((e) => e.type === 'created')) continue;
      replayed.set(ticketId, backtest.add({ ticketId, history, at: input.asOf ?? assessedAt }));
    }
    if (reproduction && stored) reproduction.addBatch(stored, replayed);
    input.onProgress?.(Math.min(start + BATCH, tickets.length), tickets.length);
  }
  const policyTitles = Object.fromEntries([...current.policies, ...draft.policies].map((p) => [p.id, p.title]));
  return { comparison: backtest.finish(), reproduction: reproduction?.result() ?? null, policyTitles };
}
