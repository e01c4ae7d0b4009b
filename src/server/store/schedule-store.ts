import { randomUUID } from 'node:crypto';
import { scheduleRowToSchedule } from './schedule-rows';
import type { ScheduleStore } from './sla-store';
import type { StoreContext } from './store-context';

export function scheduleStore({ db }: StoreContext): ScheduleStore {
  return {
    async listSchedules(accountId) {
      const rows = await db.selectFrom('schedules').selectAll().where('account_id', '=', accountId).orderBy('name').execute();
      return rows.map(scheduleRowToSchedule);
    },
    async getSchedule(accountId, scheduleId) {
      const row = await db
        .selectFrom('schedules')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', scheduleId)
        .executeTakeFirst();
      return row ? scheduleRowToSchedule(row) : null;
    },
    async saveSchedule({ accountId, scheduleId, name, spec, now }) {
      if (scheduleId === undefined) {
        const row = await db
          .insertInto('schedules')
          .values({ id: randomUUID(), account_id: accountId, name, spec: JSON.stringify(spec), created_at: now, updated_at: now })
          .returningAll()
          .executeTakeFirstOrThrow();
        return { kind: 'saved', value: scheduleRowToSchedule(row) };
      }
      const row = await db
        .updateTable('schedules')
        .set({ name, spec: JSON.stringify(spec), updated_at: now })
        .where('account_id', '=', accountId)
        .where('id', '=', scheduleId)
        .returningAll()
        .executeTakeFirst();
      return row ? { kind: 'saved', value: scheduleRowToSchedule(row) } : { kind: 'not_found' };
    },
    async deleteSchedule(accountId, scheduleId) {
      const result = await db
        .deleteFrom('schedules')
        .where('account_id', '=', accountId)
        .where('id', '=', scheduleId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
