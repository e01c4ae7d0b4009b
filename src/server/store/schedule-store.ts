import { randomUUID } from 'node:crypto';
import { scheduleRowToSchedule } from './schedule-rows';
import type { SaveOutcome, ScheduleStore, StoredSchedule } from './sla-store';
import type { StoreContext } from './store-context';
import { isUniqueViolation } from './unique-violation';

/** Names are unique per account (migration 0001): a clash is an answer for the admin, not a failure. */
const NAME_UNIQUE = { constraint: 'schedules_account_name_unique', columns: 'schedules.account_id, schedules.name' };

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
    async saveSchedule(input) {
      try {
        return await writeSchedule(input);
      } catch (error) {
        if (isUniqueViolation(error, NAME_UNIQUE)) return { kind: 'duplicate_name' };
        throw error;
      }
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

  async function writeSchedule({ accountId, scheduleId, name, spec, now }: Parameters<ScheduleStore['saveSchedule']>[0]): Promise<SaveOutcome<StoredSchedule>> {
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
  }
}
