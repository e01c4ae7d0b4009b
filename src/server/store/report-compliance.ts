import { sql, type Kysely } from 'kysely';
import { compareKeys, complianceRow, type ComplianceRow, type ReportDimension } from '../../core/report';
import type { Database } from './database';
import type { RecordSlice } from './report-queries';
import { COLUMN_OF_DIMENSION, sliceSql } from './report-slice';
import type { DialectName } from './store-context';

/**
 * How the median and p90 are ranked in SQL. Both give the core's nearest-rank percentile (percentile.ts):
 * - `window`: row_number() over the group, ordered by minutes, keeping ranks ceil(n/2) and ceil(9n/10), written as
 *   integer division ((n + 1) / 2, (9n + 9) / 10) so SQLite needs no math functions. Runs on both engines.
 * - `percentile_disc`: PostgreSQL's ordered-set aggregate, in the same pass as the counts.
 * bench/report-queries.bench.ts measures both on PostgreSQL; `percentileMethodFor` picks the faster.
 */
export type PercentileMethod = 'window' | 'percentile_disc';

export function percentileMethodFor(dialect: DialectName): PercentileMethod {
  return dialect === 'postgres' ? 'percentile_disc' : 'window';
}

const MEASURED = sql`status in ('met', 'met_late', 'breached', 'active', 'due_soon', 'paused')`;
const FULFILLED = sql`status in ('met', 'met_late')`;

interface CountRow {
  readonly [column: string]: unknown;
  readonly tickets: number | string;
  readonly met: number | string;
  readonly met_late: number | string;
  readonly breached: number | string;
  readonly running: number | string;
  readonly median?: number | string | null;
  readonly p90?: number | string | null;
}

/** Compliance rows for a slice, grouped in SQL; the shares and ordering come from the core, as in the app. */
export async function complianceFromSql(
  db: Kysely<Database>,
  slice: RecordSlice,
  groupBy: readonly ReportDimension[],
  method: PercentileMethod,
): Promise<ComplianceRow[]> {
  const columns = groupBy.map((d) => COLUMN_OF_DIMENSION[d]);
  const refs = columns.map((c) => sql.ref(c));
  const groupClause = refs.length > 0 ? sql`group by ${sql.join(refs)}` : sql``;
  const selected = refs.length > 0 ? sql`${sql.join(refs)},` : sql``;
  const discs =
    method === 'percentile_disc'
      ? sql`, percentile_disc(0.5) within group (order by business_minutes) filter (where ${FULFILLED}) as median,
           percentile_disc(0.9) within group (order by business_minutes) filter (where ${FULFILLED}) as p90`
      : sql``;
  const counts = await sql<CountRow>`
    select ${selected}
      count(distinct ticket_id) as tickets,
      sum(case when status = 'met' then 1 else 0 end) as met,
      sum(case when status = 'met_late' then 1 else 0 end) as met_late,
      sum(case when status = 'breached' then 1 else 0 end) as breached,
      sum(case when status in ('active', 'due_soon', 'paused') then 1 else 0 end) as running
      ${discs}
    from metric_records
    where ${sliceSql(slice)} and ${MEASURED}
    ${groupClause}`.execute(db);
  const ranked = method === 'window' ? await windowPercentiles(db, slice, columns) : null;

  const rows: ComplianceRow[] = [];
  for (const row of counts.rows) {
    const values = columns.map((c) => (row[c] ?? null) as string | null);
    const key = Object.fromEntries(groupBy.map((d, i) => [d, values[i] ?? null]));
    const count = { met: num(row.met), metLate: num(row.met_late), breached: num(row.breached), running: num(row.running) };
    const instances = count.met + count.metLate + count.breached + count.running;
    if (instances === 0) continue;
    // The core ranks a sorted list: give it the two values SQL picked, at ranks that make the same choice.
    const picked = ranked ? ranked.get(JSON.stringify(values)) : { median: optionalNum(row.median), p90: optionalNum(row.p90) };
    const built = complianceRow(key, { tickets: num(row.tickets), instances, ...count }, []);
    rows.push({ ...built, medianBusinessMinutes: picked?.median ?? null, p90BusinessMinutes: picked?.p90 ?? null });
  }
  return rows.sort((a, b) => compareKeys(a.key, b.key, groupBy));
}

async function windowPercentiles(db: Kysely<Database>, slice: RecordSlice, columns: readonly string[]) {
  const refs = columns.map((c) => sql.ref(c));
  const partition = refs.length > 0 ? sql`partition by ${sql.join(refs)}` : sql``;
  const selected = refs.length > 0 ? sql`${sql.join(refs)},` : sql``;
  const result = await sql<{ readonly [column: string]: unknown; m: number; rn: number | string; n: number | string }>`
    select * from (
      select ${selected} business_minutes as m,
        row_number() over (${partition} order by business_minutes) as rn,
        count(*) over (${partition}) as n
      from metric_records
      where ${sliceSql(slice)} and ${FULFILLED} and business_minutes is not null
    ) ranked
    where rn = (n + 1) / 2 or rn = (9 * n + 9) / 10`.execute(db);
  const picked = new Map<string, { median: number | null; p90: number | null }>();
  for (const row of result.rows) {
    const values = columns.map((c) => (row[c] ?? null) as string | null);
    const id = JSON.stringify(values);
    const entry = picked.get(id) ?? { median: null, p90: null };
    const n = num(row.n);
    const rn = num(row.rn);
    if (rn === Math.floor((n + 1) / 2)) entry.median = Number(row.m);
    if (rn === Math.floor((9 * n + 9) / 10)) entry.p90 = Number(row.m);
    picked.set(id, entry);
  }
  return picked;
}

/** PostgreSQL returns bigint aggregates as strings, SQLite as numbers. */
const num = (value: unknown): number => Number(value ?? 0);
const optionalNum = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
