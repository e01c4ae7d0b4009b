import { Backtest, type BacktestComparison, type ReportRecord, type RuleSet } from '../../core/report';
import { compileRules } from '../pipeline/account-rules';
import type { EpochMillis } from '../../core/time/instant';
import type { SlaStore } from '../store/sla-store';

/** Histories are read this many tickets at a time: one query each, bounded memory. */
const BATCH = 500;

export interface BacktestRunInput {
  readonly store: SlaStore;
  readonly accountId: string;
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  /** Replay every ticket at this instant; by default each at the instant its stored records were computed. */
  readonly asOf?: EpochMillis;
  /** The rules to compare with the account's current ones; by default the current ones (a reproduction check). */
  readonly draft?: (current: RuleSet) => RuleSet;
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
  readonly reproduction: Reproduction;
  /** Policy titles by id, from both rule sets (the comparison speaks in ids). */
  readonly policyTitles: Readonly<Record<string, string>>;
}

const keyOf = (r: ReportRecord) => `${r.ticketId}/${r.metric}#${r.instance}`;
const withoutAccount = ({ accountId: _a, ...rest }: ReportRecord & { accountId?: string }): ReportRecord => rest;

/** Compares replayed records with the stored ones as they come, keeping only the stored records' JSON. */
class ReproductionCheck {
  private readonly stored: Map<string, string>;
  private readonly storedCount: number;
  private replayed = 0;
  private identical = 0;
  private readonly differing: string[] = [];

  constructor(stored: readonly ReportRecord[]) {
    this.stored = new Map(stored.map((r) => [keyOf(r), JSON.stringify(withoutAccount(r))]));
    this.storedCount = stored.length;
  }

  add(records: readonly ReportRecord[]): void {
    for (const record of records) {
      const key = keyOf(record);
      this.replayed++;
      if (this.stored.get(key) === JSON.stringify(record)) this.identical++;
      else if (this.differing.length < 10) this.differing.push(key);
      this.stored.delete(key);
    }
  }

  result(): Reproduction {
    const differing = [...this.differing];
    for (const key of this.stored.keys()) if (differing.length < 10) differing.push(key);
    return { stored: this.storedCount, replayed: this.replayed, identical: this.identical, differing };
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
  const reproduction = new ReproductionCheck(await store.listSliceRecords({ accountId, from, to }));
  for (let start = 0; start < tickets.length; start += BATCH) {
    const batch = tickets.slice(start, start + BATCH);
    const histories = await store.listTicketHistories(accountId, batch.map((t) => t.ticketId));
    for (const { ticketId, assessedAt } of batch) {
      const history = histories.get(ticketId);
      if (!history?.some((e) => e.type === 'created')) continue;
      reproduction.add(backtest.add({ ticketId, history, at: input.asOf ?? assessedAt }));
    }
    input.onProgress?.(Math.min(start + BATCH, tickets.length), tickets.length);
  }
  const policyTitles = Object.fromEntries([...current.policies, ...draft.policies].map((p) => [p.id, p.title]));
  return { comparison: backtest.finish(), reproduction: reproduction.result(), policyTitles };
}
