import { metricRecordRowToRecord, metricRecordToRow } from './metric-record-rows';
import { slaBreachRowToBreach, slaBreachToRow } from './sla-breach-rows';
import type { ReportStore } from './sla-store';
import type { StoreContext } from './store-context';

export function reportStore({ db }: StoreContext): ReportStore {
  return {
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
