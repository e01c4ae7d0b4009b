import type { ComplianceRow, ObjectiveCounts, ReportDimension, ReportFilters, SlaObjective } from '../../core/report';
import type { TicketEvent } from '../../core/ticket/ticket-event';
import type { EpochMillis } from '../../core/time/instant';
import type { RecordTuple } from './report-record-tuples';
import type { MetricRecord } from './sla-store';

/** A slice of one account's metric records: instances that started in [from, to), narrowed by `filters`. */
export interface RecordSlice {
  readonly accountId: string;
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  readonly filters?: ReportFilters;
}

/** Instances that breached in [from, to) (breached or met late), narrowed by `filters`. */
export interface BreachSlice extends RecordSlice {}

/** Where a breached instance stands in the breach list's order: the key a keyset batch resumes after. */
export type BreachKey = Pick<MetricRecord, 'ticketId' | 'metric' | 'instance'> & { readonly breachedAt: EpochMillis };

export interface StoredObjective {
  readonly objective: SlaObjective;
  readonly alert: ObjectiveAlertSettings;
  /** The Zendesk trigger that mails this objective's budget alerts, once the server has created it. */
  readonly alertTriggerId: string | null;
  readonly createdAt: EpochMillis;
  readonly updatedAt: EpochMillis;
}

/**
 * When the server emails about an objective's error budget: once per period, when what remains of the period's
 * budget falls to `thresholdPercent` of it or below, to fixed addresses.
 */
export interface ObjectiveAlertSettings {
  readonly enabled: boolean;
  /** 0…100: alert when errorBudgetRemaining ≤ thresholdPercent% of errorBudget. */
  readonly thresholdPercent: number;
  readonly recipients: readonly string[];
}

export const DEFAULT_OBJECTIVE_ALERT: ObjectiveAlertSettings = { enabled: false, thresholdPercent: 25, recipients: [] };

/** A budget alert the server decided to send: one per objective and period. */
export interface ObjectiveAlert {
  readonly objectiveId: string;
  readonly periodStart: EpochMillis;
  readonly ticketId: string;
  readonly attainmentPercent: number | null;
  readonly budget: number;
  readonly budgetRemaining: number;
  readonly sentAt: EpochMillis;
}

/** The objective's fields as admins write them; the store owns the id. */
export type ObjectiveBody = Omit<SlaObjective, 'id'>;

/** Report queries: aggregated in SQL where a month can hold hundreds of thousands of records. */
export interface ReportQueryStore {
  /** The core's compliance rows (same math as `complianceReport`), counted and ranked in SQL. */
  complianceReport(query: RecordSlice & { readonly groupBy: readonly ReportDimension[] }): Promise<ComplianceRow[]>;
  /** Breached instances, newest breach first, a page at a time, with the total for the slice. */
  listBreachRecords(query: BreachSlice & { readonly limit: number; readonly offset: number }): Promise<{
    readonly total: number;
    readonly records: readonly MetricRecord[];
  }>;
  /**
   * The next `limit` breached instances in the list's order (newest breach first, then ticket, metric, instance)
   * after `after`, the previous batch's last one: an export walks a slice in bounded batches (keyset), without
   * OFFSET's rescan of every earlier row.
   */
  listBreachRecordsAfter(query: BreachSlice & { readonly after: BreachKey | null; readonly limit: number }): Promise<readonly MetricRecord[]>;
  /** Only the breach instants of the slice, ascending: what a trend chart needs. */
  listBreachInstants(query: BreachSlice): Promise<readonly EpochMillis[]>;
  /** Records of the slice, oldest first: for objectives (a filter per objective field) and exports. */
  listSliceRecords(query: RecordSlice): Promise<readonly MetricRecord[]>;
  /**
   * The tickets with records in the slice, each with the instant its records were computed at (the pipeline's
   * `now`), ordered by ticket id: what a backtest replays, at the instants that reproduce the stored records.
   */
  listSliceTickets(query: RecordSlice): Promise<readonly { readonly ticketId: string; readonly assessedAt: EpochMillis }[]>;
  /**
   * The slice's records of some tickets (one query, one row per ticket) as the store reads them: per ticket, each
   * record's values after the ticket as one tuple, in no particular order; tickets without records in the slice are
   * absent. What a backtest's reproduction check compares its replay with, a batch at a time.
   */
  listSliceRecordTuplesOfTickets(slice: RecordSlice, ticketIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordTuple[]>>;
  /** The stored histories of some tickets (one query), in order; tickets without events are absent. */
  listTicketHistories(accountId: string, ticketIds: readonly string[]): Promise<ReadonlyMap<string, readonly TicketEvent[]>>;
  listObjectives(accountId: string): Promise<readonly StoredObjective[]>;
  /** Creates (no `objectiveId`) or replaces; null when `objectiveId` is not this account's. */
  saveObjective(input: {
    readonly accountId: string;
    readonly objectiveId?: string;
    readonly body: ObjectiveBody;
    /** Left out: the default (off) on create, unchanged on replace. */
    readonly alert?: ObjectiveAlertSettings;
    readonly now: EpochMillis;
  }): Promise<StoredObjective | null>;
  deleteObjective(accountId: string, objectiveId: string): Promise<boolean>;
  /** Remembers (or forgets, null) the trigger that mails the objective's alerts; false when the objective is gone. */
  saveObjectiveAlertTrigger(accountId: string, objectiveId: string, triggerId: string | null): Promise<boolean>;
  /**
   * Records the period's alert unless one is recorded already: true for exactly one caller per objective and
   * period, whichever process it runs in.
   */
  claimObjectiveAlert(input: ObjectiveAlert & { readonly accountId: string }): Promise<boolean>;
  /**
   * Good, bad and undecided instances of the slice against `targetMinutes`, counted in SQL as the core's
   * `objectiveVerdict` decides them: what a budget alert needs on every breach, without reading a month of records.
   */
  countObjectiveRecords(slice: RecordSlice, targetMinutes: number): Promise<ObjectiveCounts>;
  /** The newest alert of each of the account's objectives. */
  latestObjectiveAlerts(accountId: string): Promise<ReadonlyMap<string, ObjectiveAlert>>;
}
