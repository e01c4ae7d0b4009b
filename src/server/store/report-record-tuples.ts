import type { MetricName } from '../../core/policy/metric-name';
import type { ReportRecord } from '../../core/report/report-record';
import type { Priority } from '../../core/ticket/ticket-snapshot';

/**
 * A stored record's columns after its ticket, in RECORD_TUPLE_COLUMNS order, as the store reads them: one JSON
 * array per record, numbers exact (see report-store.ts). A backtest's reproduction check compares these with the
 * replayed records as they are: a month is ~200,000 records, and making each an object again only to compare it
 * cost more than the comparison.
 */
export type RecordTuple = readonly [
  metric: string,
  instance: number,
  policyId: string | null,
  priority: string | null,
  groupId: string | null,
  assigneeId: string | null,
  brandId: string | null,
  organizationId: string | null,
  via: string | null,
  status: string,
  startedAt: number,
  dueAt: number | null,
  fulfilledAt: number | null,
  breachedAt: number | null,
  businessMinutes: number | null,
  calendarMinutes: number | null,
];

/** The record's fields in tuple order; the compiler checks none is missing (the ticket is the row's, not the tuple's). */
export const RECORD_TUPLE_FIELDS = [
  'metric', 'instance', 'policyId', 'priority', 'groupId', 'assigneeId', 'brandId', 'organizationId', 'via', 'status',
  'startedAt', 'dueAt', 'fulfilledAt', 'breachedAt', 'businessMinutes', 'calendarMinutes',
] as const satisfies readonly (keyof ReportRecord)[];
const everyField: Exclude<keyof ReportRecord, 'ticketId' | (typeof RECORD_TUPLE_FIELDS)[number]> extends never ? true : never = true;

/** The metric_records columns of the tuple, in order (`policyId` is `policy_id`). */
export const RECORD_TUPLE_COLUMNS = RECORD_TUPLE_FIELDS.map((field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));

export function recordOfTuple(ticketId: string, t: RecordTuple): ReportRecord {
  return {
    ticketId,
    metric: t[0] as MetricName,
    instance: t[1],
    policyId: t[2],
    priority: t[3] as Priority | null,
    groupId: t[4],
    assigneeId: t[5],
    brandId: t[6],
    organizationId: t[7],
    via: t[8],
    status: t[9],
    startedAt: t[10],
    dueAt: t[11],
    fulfilledAt: t[12],
    breachedAt: t[13],
    businessMinutes: t[14],
    calendarMinutes: t[15],
  };
}

/** Whether the tuple is this record's instance (same metric and number); the ticket is the caller's to match. */
export const isInstanceOf = (t: RecordTuple, r: ReportRecord): boolean => t[1] === r.instance && t[0] === r.metric;

/** The tuple of the record's instance among its ticket's stored tuples, if any; (metric, instance) is unique per ticket. */
export function tupleOfInstance(tuples: readonly RecordTuple[], r: ReportRecord): RecordTuple | undefined {
  for (const t of tuples) if (isInstanceOf(t, r)) return t;
  return undefined;
}

/**
 * Whether the stored tuple holds exactly the record's values, field by field (the ticket aside: the caller matched
 * it). Written out rather than looped over names: this runs for every record of a backtest. recordOfTuple is the
 * same order as RECORD_TUPLE_FIELDS, and a spec changes each field in turn.
 */
export function tupleHoldsRecord(t: RecordTuple, r: ReportRecord): boolean {
  return (
    t[0] === r.metric &&
    t[1] === r.instance &&
    t[2] === r.policyId &&
    t[3] === r.priority &&
    t[4] === r.groupId &&
    t[5] === r.assigneeId &&
    t[6] === r.brandId &&
    t[7] === r.organizationId &&
    t[8] === r.via &&
    t[9] === r.status &&
    t[10] === r.startedAt &&
    t[11] === r.dueAt &&
    t[12] === r.fulfilledAt &&
    t[13] === r.breachedAt &&
    t[14] === r.businessMinutes &&
    t[15] === r.calendarMinutes &&
    everyField
  );
}

/**
 * Compares one ticket's replayed records with its stored tuples: tells `verdict` of each replayed record whether a
 * tuple holds it exactly, and returns how many tuples some replayed record claimed (its metric and number). One
 * call per ticket, so a backtest's ~200,000 comparisons stay inside this module.
 */
export function compareTicket(tuples: readonly RecordTuple[], records: readonly ReportRecord[], verdict: (record: ReportRecord, identical: boolean) => void): number {
  let claimed = 0;
  for (const record of records) {
    const match = tupleOfInstance(tuples, record);
    if (match) claimed++;
    verdict(record, match !== undefined && tupleHoldsRecord(match, record));
  }
  return claimed;
}
