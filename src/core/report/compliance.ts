import { percentileOfSorted } from './percentile';
import { dimensionValue, matchesFilters, outcomeOf, recordFieldOf, type ReportDimension, type ReportFilters, type ReportRecord } from './report-record';

/** The counts a compliance row is made of; the server counts these in SQL, the core from records. */
export interface ComplianceCounts {
  /** Distinct tickets with at least one measured instance. */
  readonly tickets: number;
  /** Measured instances: met + metLate + breached + running. */
  readonly instances: number;
  readonly met: number;
  readonly metLate: number;
  /** Breached and not fulfilled (yet). */
  readonly breached: number;
  /** Still running on time: active, due soon, paused. */
  readonly running: number;
}

export interface ComplianceRow extends ComplianceCounts {
  /** The value of each grouped dimension (null: tickets with none, e.g. no group). */
  readonly key: Partial<Readonly<Record<ReportDimension, string | null>>>;
  /**
   * Shares of the decided instances (met + metLate + breached), in percent, unrounded; null when nothing is
   * decided yet. Running instances are left out because they may still be met.
   */
  readonly metPercent: number | null;
  readonly metLatePercent: number | null;
  readonly breachedPercent: number | null;
  /** Nearest-rank median and 90th percentile (see percentile.ts) of business minutes of fulfilled instances. */
  readonly medianBusinessMinutes: number | null;
  readonly p90BusinessMinutes: number | null;
}

/**
 * A compliance row from its counts and the business minutes of its fulfilled (met and met late) instances, sorted
 * ascending. Durations of instances still running or breached are left out: they are not final.
 */
export function complianceRow(
  key: ComplianceRow['key'],
  counts: ComplianceCounts,
  sortedFulfilledMinutes: ArrayLike<number>,
): ComplianceRow {
  const decided = counts.met + counts.metLate + counts.breached;
  const share = (n: number) => (decided === 0 ? null : (100 * n) / decided);
  return {
    key,
    ...counts,
    metPercent: share(counts.met),
    metLatePercent: share(counts.metLate),
    breachedPercent: share(counts.breached),
    medianBusinessMinutes: percentileOfSorted(sortedFulfilledMinutes, 0.5),
    p90BusinessMinutes: percentileOfSorted(sortedFulfilledMinutes, 0.9),
  };
}

interface Bucket {
  readonly key: ComplianceRow['key'];
  /** Distinct tickets of records added one by one (`add`). */
  readonly tickets: Set<string>;
  /** Tickets added whole (`addTicket`), each counted once: `stamp` is the last call that counted one. */
  ticketCount: number;
  stamp: number;
  met: number;
  metLate: number;
  breached: number;
  running: number;
  readonly fulfilledMinutes: number[];
}

export interface ComplianceQuery {
  /** Dimensions to group by, in order; none gives one row for everything (when anything was measured). */
  readonly groupBy: readonly ReportDimension[];
  readonly filters?: ReportFilters;
}

/** Buckets by the value of each grouped field in turn (null a key like any other); the last level holds buckets. */
type BucketTree = Map<string | null, BucketTree | Bucket>;

/**
 * Compliance counted as records arrive, keeping only counts, ticket ids and fulfilled minutes per group (not the
 * records): what a backtest over a month of tickets needs to stay small. A record finds its group through one map
 * per grouped field, keyed by the field's value as is: no key string is built per record (that was most of what a
 * backtest spent counting).
 */
export class ComplianceAccumulator {
  private readonly buckets: Bucket[] = [];
  private readonly tree: BucketTree = new Map();
  private readonly fields: readonly (keyof ReportRecord)[];
  private stamps = 0;

  constructor(private readonly query: ComplianceQuery) {
    this.fields = query.groupBy.map(recordFieldOf);
  }

  add(record: ReportRecord): void {
    this.count(record)?.tickets.add(record.ticketId);
  }

  /**
   * Adds all the records of one ticket, which is never added again (nor by `add`): a backtest's way, with no set
   * of ticket ids to grow per group. For a second grouping of the same records, use a second accumulator.
   */
  addTicket(records: readonly ReportRecord[]): void {
    const stamp = ++this.stamps;
    const ticketId = records[0]?.ticketId;
    for (const record of records) {
      if (record.ticketId !== ticketId) throw new Error(`addTicket takes one ticket's records, got ${ticketId} and ${record.ticketId}`);
      const bucket = this.count(record);
      if (bucket && bucket.stamp !== stamp) {
        bucket.stamp = stamp;
        bucket.ticketCount++;
      }
    }
  }

  /** Counts the record's outcome in its group; the group, or null when the record is filtered out or not measured. */
  private count(record: ReportRecord): Bucket | null {
    const { query } = this;
    if (query.filters && !matchesFilters(record, query.filters)) return null;
    const outcome = outcomeOf(record.status);
    if (outcome === 'not_measured') return null;
    const bucket = this.bucketOf(record);
    if (outcome === 'met') bucket.met++;
    else if (outcome === 'met_late') bucket.metLate++;
    else if (outcome === 'breached') bucket.breached++;
    else bucket.running++;
    if ((outcome === 'met' || outcome === 'met_late') && record.businessMinutes !== null) bucket.fulfilledMinutes.push(record.businessMinutes);
    return bucket;
  }

  private bucketOf(record: ReportRecord): Bucket {
    const { fields } = this;
    let level = this.tree;
    const last = fields.length - 1;
    for (let i = 0; i < last; i++) {
      const value = record[fields[i]!] as string | null;
      let next = level.get(value) as BucketTree | undefined;
      if (!next) level.set(value, (next = new Map()));
      level = next;
    }
    // Grouped by nothing: one bucket, under null.
    const value = last < 0 ? null : (record[fields[last]!] as string | null);
    let bucket = level.get(value) as Bucket | undefined;
    if (!bucket) {
      const key = Object.fromEntries(this.query.groupBy.map((dimension) => [dimension, dimensionValue(record, dimension)]));
      bucket = { key, tickets: new Set(), ticketCount: 0, stamp: 0, met: 0, metLate: 0, breached: 0, running: 0, fulfilledMinutes: [] };
      level.set(value, bucket);
      this.buckets.push(bucket);
    }
    return bucket;
  }

  /** The rows so far, ordered by key (nulls last). */
  rows(): ComplianceRow[] {
    return rowsOf(this.buckets, this.query.groupBy);
  }
}

function rowsOf(buckets: Iterable<Bucket>, groupBy: readonly ReportDimension[]): ComplianceRow[] {
  const rows = [...buckets].map((b) =>
    complianceRow(
      b.key,
      { tickets: b.tickets.size + b.ticketCount, instances: b.met + b.metLate + b.breached + b.running, met: b.met, metLate: b.metLate, breached: b.breached, running: b.running },
      // A typed array sorts numbers natively, ascending, with no comparator call per pair.
      Float64Array.from(b.fulfilledMinutes).sort(),
    ),
  );
  return rows.sort((a, b) => compareKeys(a.key, b.key, groupBy));
}

/**
 * Compliance of metric instances, one row per distinct combination of the `groupBy` dimensions, ordered by key
 * (nulls last). Not-measured instances (`not_applicable`) are left out entirely.
 */
export function complianceReport(records: Iterable<ReportRecord>, query: ComplianceQuery): ComplianceRow[] {
  const accumulator = new ComplianceAccumulator(query);
  for (const record of records) accumulator.add(record);
  return accumulator.rows();
}

/** Orders rows by their key values, dimension by dimension; a null (none) sorts after every value. */
export function compareKeys(a: ComplianceRow['key'], b: ComplianceRow['key'], groupBy: readonly ReportDimension[]): number {
  for (const dimension of groupBy) {
    const x = a[dimension] ?? null;
    const y = b[dimension] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}
