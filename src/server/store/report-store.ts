import { sql } from 'kysely';
import type { TicketEvent } from '../../core/ticket/ticket-event';
import { metricRecordRowToRecord, metricRecordToRow } from './metric-record-rows';
import { complianceFromSql, percentileMethodFor, type PercentileMethod } from './report-compliance';
import { objectiveStore } from './report-objectives';
import { sliceCondition } from './report-slice';
import { slaBreachRowToBreach, slaBreachToRow } from './sla-breach-rows';
import type { ReportStore } from './sla-store';
import type { StoreContext } from './store-context';

/** `percentiles` overrides how SQL ranks the median and p90 (benchmarks compare both; see report-compliance.ts). */
export function reportStore({ db, dialect }: StoreContext, percentiles: PercentileMethod = percentileMethodFor(dialect)): ReportStore {
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
      const rows = await db
        .selectFrom('metric_records')
        .select((eb) => ['ticket_id', eb.fn.max('updated_at').as('assessed_at')])
        .where((eb) => sliceCondition(eb, slice, 'started_at'))
        .groupBy('ticket_id')
        .orderBy('ticket_id')
        .execute();
      return rows.map((r) => ({ ticketId: r.ticket_id, assessedAt: Number(r.assessed_at) }));
    },

    async listTicketHistories(accountId, ticketIds) {
      const histories = new Map<string, readonly TicketEvent[]>();
      if (ticketIds.length === 0) return histories;
      // One row per ticket, its payloads joined in seq order into one JSON array by SQL (string_agg with ORDER BY:
      // PostgreSQL, SQLite >= 3.44): a backtest reads a month of histories, and one row and one JSON.parse per
      // ticket cost about half of one row and one parse per event. Payloads are JSON.stringify'd events.
      const rows = await db
        .selectFrom('ticket_events')
        .select(['ticket_id', sql<string>`'[' || string_agg(payload, ',' order by seq) || ']'`.as('events')])
        .where('account_id', '=', accountId)
        .where('ticket_id', 'in', ticketIds)
        .groupBy('ticket_id')
        .orderBy('ticket_id')
        .execute();
      for (const row of rows) histories.set(row.ticket_id, JSON.parse(row.events) as TicketEvent[]);
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
