import { sql, type Kysely } from 'kysely';
import type { TicketEvent } from '../../core/ticket/ticket-event';
import { metricRecordRowToRecord, metricRecordToRow } from './metric-record-rows';
import { RECORD_TUPLE_COLUMNS, type RecordTuple } from './report-record-tuples';
import { complianceFromSql, percentileMethodFor, type PercentileMethod } from './report-compliance';
import { objectiveStore } from './report-objectives';
import { sliceCondition } from './report-slice';
import { slaBreachRowToBreach, slaBreachToRow } from './sla-breach-rows';
import type { ReportStore } from './sla-store';
import type { Database } from './database';
import type { RecordSlice } from './report-queries';
import type { DialectName, StoreContext } from './store-context';

const RECORD_COLUMNS = sql.join(RECORD_TUPLE_COLUMNS.map((c) => sql.ref(c)));

/**
 * A group's records as one JSON array of arrays: one row and one JSON.parse per ticket instead of a row object per
 * record (a month of records is ~10 per ticket). Both engines write a double's JSON with the digits that read back
 * to the same double (SQLite up to 17 significant digits, PostgreSQL the shortest), and bigints as integers.
 */
function recordTuplesOf(dialect: DialectName) {
  return dialect === 'postgres' ? sql<string>`json_agg(json_build_array(${RECORD_COLUMNS}))::text` : sql<string>`json_group_array(json_array(${RECORD_COLUMNS}))`;
}

/**
 * Whether the slice's period holds most of the account's records (counted from the period index alone, at most
 * three times the period's count). SQLite finds a period's records by the period index, then fetches each from the
 * table in time order, i.e. from all over it, and sorts them for a grouping by ticket; when the period is most of
 * the account (a backtest of everything, a young account), walking the primary key instead (ticket order: rows
 * that are neighbours on disk, grouped without a sort) reads the same records about twice as fast. PostgreSQL's
 * planner makes that choice itself from its statistics.
 */
async function sliceIsMostOfAccount(db: Kysely<Database>, slice: RecordSlice): Promise<boolean> {
  const inPeriod = await db
    .selectFrom('metric_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', slice.accountId)
    .where('started_at', '>=', slice.from)
    .where('started_at', '<', slice.to)
    .executeTakeFirstOrThrow();
  const limit = 3 * Number(inPeriod.n);
  if (limit === 0) return false;
  const inAccount = await db
    .selectFrom((eb) => eb.selectFrom('metric_records').select('account_id').where('account_id', '=', slice.accountId).limit(limit).as('r'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(inAccount.n) < limit;
}

/** `percentiles` overrides how SQL ranks the median and p90 (benchmarks compare both; see report-compliance.ts). */
export function reportStore({ db, dialect }: StoreContext, percentiles: PercentileMethod = percentileMethodFor(dialect)): ReportStore {
  async function sliceRecordTuplesOfTickets(slice: RecordSlice, ticketIds: readonly string[]): Promise<ReadonlyMap<string, readonly RecordTuple[]>> {
    const records = new Map<string, readonly RecordTuple[]>();
    if (ticketIds.length === 0) return records;
    const rows = await db
      .selectFrom('metric_records')
      .select(['ticket_id', recordTuplesOf(dialect).as('records')])
      .where((eb) => eb.and([sliceCondition(eb, slice, 'started_at', { byTicket: true }), eb('ticket_id', 'in', ticketIds)]))
      .groupBy('ticket_id')
      .execute();
    for (const row of rows) records.set(row.ticket_id, JSON.parse(row.records) as RecordTuple[]);
    return records;
  }

  return {
    ...objectiveStore(db),

    complianceReport: ({ groupBy, ...slice }) => complianceFromSql(db, slice, groupBy, percentiles),

    async listBreachRecords({ limit, offset, ...slice }) {
      const base = db.selectFrom('metric_records').where((eb) => sliceCondition(eb, slice, 'breached_at'));
      const [count, rows] = await Promise.all([
        base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
        base.selectAll().orderBy('breached_at', 'desc').orderBy('ticket_id').orderBy('metric').orderBy('instance').limit(limit).offset(offset).execute(),
      ]);
      return { total: Number(count.total), records: rows.map(metricRecordRowToRecord) };
    },

    async listBreachRecordsAfter({ after, limit, ...slice }) {
      let query = db.selectFrom('metric_records').selectAll().where((eb) => sliceCondition(eb, slice, 'breached_at'));
      if (after !== null) {
        // Descending on breached_at, ascending on the rest: "after" is an earlier breach, or the same instant and a
        // later (ticket, metric, instance). Row values compare the same way on SQLite and PostgreSQL.
        query = query.where((eb) =>
          eb.or([
            eb('breached_at', '<', after.breachedAt),
            eb.and([eb('breached_at', '=', after.breachedAt), eb(eb.refTuple('ticket_id', 'metric', 'instance'), '>', eb.tuple(after.ticketId, after.metric, after.instance))]),
          ]),
        );
      }
      const rows = await query.orderBy('breached_at', 'desc').orderBy('ticket_id').orderBy('metric').orderBy('instance').limit(limit).execute();
      return rows.map(metricRecordRowToRecord);
    },

    async listBreachInstants(slice) {
      const rows = await db.selectFrom('metric_records').select('breached_at').where((eb) => sliceCondition(eb, slice, 'breached_at')).orderBy('breached_at').execute();
      return rows.map((r) => Number(r.breached_at));
    },

    async listSliceRecords(slice) {
      const rows = await db
        .selectFrom('metric_records')
        .selectAll()
        .where((eb) => sliceCondition(eb, slice, 'started_at'))
        .orderBy('started_at')
        .orderBy('ticket_id')
        .orderBy('metric')
        .orderBy('instance')
        .execute();
      return rows.map(metricRecordRowToRecord);
    },

    async saveMetricRecords(records, now) {
      if (records.length === 0) return;
      await db
        .insertInto('metric_records')
        .values(records.map((r) => metricRecordToRow(r, now)))
        .onConflict((oc) =>
          oc.columns(['account_id', 'ticket_id', 'metric', 'instance']).doUpdateSet((eb) => ({
            policy_id: eb.ref('excluded.policy_id'),
            priority: eb.ref('excluded.priority'),
            group_id: eb.ref('excluded.group_id'),
            assignee_id: eb.ref('excluded.assignee_id'),
            brand_id: eb.ref('excluded.brand_id'),
            organization_id: eb.ref('excluded.organization_id'),
            via: eb.ref('excluded.via'),
            status: eb.ref('excluded.status'),
            started_at: eb.ref('excluded.started_at'),
            due_at: eb.ref('excluded.due_at'),
            fulfilled_at: eb.ref('excluded.fulfilled_at'),
            breached_at: eb.ref('excluded.breached_at'),
            business_minutes: eb.ref('excluded.business_minutes'),
            calendar_minutes: eb.ref('excluded.calendar_minutes'),
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    },

    async listMetricRecords({ accountId, from, to, groupId }) {
      let query = db
        .selectFrom('metric_records')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('started_at', '>=', from)
        .where('started_at', '<', to);
      if (groupId !== undefined) query = query.where('group_id', '=', groupId);
      const rows = await query.orderBy('started_at').orderBy('ticket_id').orderBy('metric').orderBy('instance').execute();
      return rows.map(metricRecordRowToRecord);
    },

    async listSliceTickets(slice) {
      const byTicket = dialect === 'sqlite' && (await sliceIsMostOfAccount(db, slice));
      const rows = await db
        .selectFrom('metric_records')
        .select((eb) => ['ticket_id', eb.fn.max('updated_at').as('assessed_at')])
        .where((eb) => sliceCondition(eb, slice, 'started_at', { byTicket }))
        .groupBy('ticket_id')
        .orderBy('ticket_id')
        .execute();
      return rows.map((r) => ({ ticketId: r.ticket_id, assessedAt: Number(r.assessed_at) }));
    },

    listSliceRecordTuplesOfTickets: sliceRecordTuplesOfTickets,

    async listTicketHistories(accountId, ticketIds) {
      const histories = new Map<string, readonly TicketEvent[]>();
      if (ticketIds.length === 0) return histories;
      // One row per ticket: its payloads joined in seq order, kept by triggers on ticket_events (migration 0008), so
      // a batch costs a primary-key lookup per ticket and one JSON.parse each. Payloads are JSON.stringify'd events.
      const { rows } = await sql<{ ticket_id: string; events: string }>`select ticket_id, events from ticket_histories
        where account_id = ${accountId} and ticket_id in (${sql.join(ticketIds)}) order by ticket_id`.execute(db);
      for (const row of rows) histories.set(row.ticket_id, JSON.parse(`[${row.events}]`) as TicketEvent[]);
      return histories;
    },

    async recordBreach(breach) {
      const inserted = await db
        .insertInto('sla_breaches')
        .values(slaBreachToRow(breach))
        .onConflict((oc) => oc.columns(['account_id', 'ticket_id', 'metric', 'instance']).doNothing())
        .returning('recorded_at')
        .executeTakeFirst();
      return { recorded: inserted !== undefined };
    },

    async listBreaches(accountId, ticketId) {
      let query = db.selectFrom('sla_breaches').selectAll().where('account_id', '=', accountId);
      if (ticketId !== undefined) query = query.where('ticket_id', '=', ticketId);
      const rows = await query.orderBy('breached_at').orderBy('ticket_id').execute();
      return rows.map(slaBreachRowToBreach);
    },
  };
}
