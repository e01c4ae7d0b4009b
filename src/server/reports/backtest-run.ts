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

/** Every field of a record (the stored one's `accountId` aside): the compiler checks none is missing. */
const RECORD_FIELDS = [
  'ticketId', 'metric', 'instance', 'policyId', 'priority', 'groupId', 'assigneeId', 'brandId', 'organizationId', 'via',
  'status', 'startedAt', 'dueAt', 'fulfilledAt', 'breachedAt', 'businessMinutes', 'calendarMinutes',
] as const satisfies readonly (keyof ReportRecord)[];
const everyField: Exclude<keyof ReportRecord, (typeof RECORD_FIELDS)[number]> extends never ? true : never = true;

/** Field by field, what comparing the two records' JSON said (numbers and strings compare by value either way). */
function sameRecord(stored: ReportRecord, replayed: ReportRecord): boolean {
  for (const field of RECORD_FIELDS) if (stored[field] !== replayed[field]) return false;
  return everyField;
}

/** A stored record, until a replayed one claims it. */
interface StoredEntry {
  readonly record: ReportRecord;
  claimed: boolean;
}

/**
 * Compares replayed records with the stored ones as they come. The stored records are indexed by ticket, so a
 * replayed record is looked up among its ticket's few, and compared field by field (no key strings, no JSON).
 */
class ReproductionCheck {
  /** In the stored order: what is left unclaimed at the end is reported in that order. */
  private readonly stored: readonly StoredEntry[];
  private readonly byTicket = new Map<string, StoredEntry[]>();
  private replayed = 0;
  private identical = 0;
  private readonly differing: string[] = [];

  constructor(stored: readonly ReportRecord[]) {
    this.stored = stored.map((record) => ({ record, claimed: false }));
    for (const entry of this.stored) {
      const entries = this.byTicket.get(entry.record.ticketId);
      if (entries) entries.push(entry);
      else this.byTicket.set(entry.record.ticketId, [entry]);
    }
  }

  add(records: readonly ReportRecord[]): void {
    let ticketId: string | null = null;
    let entries: readonly StoredEntry[] | undefined;
    for (const record of records) {
      if (record.ticketId !== ticketId) entries = this.byTicket.get((ticketId = record.ticketId));
      this.replayed++;
      const entry = entries?.find((e) => !e.claimed && e.record.metric === record.metric && e.record.instance === record.instance);
      if (entry) entry.claimed = true;
      if (entry && sameRecord(entry.record, record)) this.identical++;
      else if (this.differing.length < 10) this.differing.push(keyOf(record));
    }
  }

  result(): Reproduction {
    const differing = [...this.differing];
    for (const entry of this.stored) {
      if (differing.length >= 10) break;
      if (!entry.claimed) differing.push(keyOf(entry.record));
    }
    return { stored: this.stored.length, replayed: this.replayed, identical: this.identical, differing };
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
