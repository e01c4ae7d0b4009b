import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { REPORT_DIMENSIONS, type ReportDimension } from '../../core/report';
import type { Database } from './database';
import type { RecordSlice } from './report-queries';

/** The metric_records column of each report dimension (fixed names: never built from input). */
export const COLUMN_OF_DIMENSION = {
  policy: 'policy_id',
  metric: 'metric',
  priority: 'priority',
  group: 'group_id',
  assignee: 'assignee_id',
  brand: 'brand_id',
  channel: 'via',
  organization: 'organization_id',
} as const satisfies Record<ReportDimension, string>;

export type DimensionColumn = (typeof COLUMN_OF_DIMENSION)[ReportDimension];

/**
 * The WHERE of a slice on `instant` (started_at for compliance, breached_at for breaches). A null filter value
 * means "none" (IS NULL), as in the core's `matchesFilters`. `byTicket`: the query also names its tickets, so
 * compare `+instant`, which no index serves: SQLite would otherwise walk the whole period by the instant's index
 * (and sort) for every batch of tickets, instead of looking the tickets up by the primary key.
 */
export function sliceCondition(
  eb: ExpressionBuilder<Database, 'metric_records'>,
  slice: RecordSlice,
  instant: 'started_at' | 'breached_at',
  { byTicket = false }: { readonly byTicket?: boolean } = {},
): Expression<SqlBool> {
  const at = byTicket ? sql<number>`+${sql.ref(instant)}` : eb.ref(instant);
  const conditions: Expression<SqlBool>[] = [eb('account_id', '=', slice.accountId), eb(at, '>=', slice.from), eb(at, '<', slice.to)];
  for (const dimension of REPORT_DIMENSIONS) {
    const value = slice.filters?.[dimension];
    if (value === undefined) continue;
    const column = COLUMN_OF_DIMENSION[dimension];
    conditions.push(value === null ? eb(column, 'is', null) : eb(column, '=', value));
  }
  return eb.and(conditions);
}

/** Raw SQL for the same slice, for the window query that Kysely's builder cannot express directly. */
export function sliceSql(slice: RecordSlice) {
  const parts = [sql`account_id = ${slice.accountId}`, sql`started_at >= ${slice.from}`, sql`started_at < ${slice.to}`];
  for (const dimension of REPORT_DIMENSIONS) {
    const value = slice.filters?.[dimension];
    if (value === undefined) continue;
    const column = sql.ref(COLUMN_OF_DIMENSION[dimension]);
    parts.push(value === null ? sql`${column} is null` : sql`${column} = ${value}`);
  }
  return sql.join(parts, sql` and `);
}
