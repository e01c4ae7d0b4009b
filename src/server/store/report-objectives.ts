import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Millis } from './database';
import { millisOf } from './database';
import type { ObjectiveBody, ReportQueryStore, StoredObjective } from './report-queries';

/** Table of migration 0006; declared here (not in database.ts) because only this file reads it. */
interface SlaObjectivesTable {
  id: string;
  account_id: string;
  body: string;
  created_at: Millis;
  updated_at: Millis;
}

type ObjectiveRow = { id: string; body: string; created_at: number | string; updated_at: number | string };

function rowToObjective(row: ObjectiveRow): StoredObjective {
  return { objective: { ...(JSON.parse(row.body) as ObjectiveBody), id: row.id }, createdAt: millisOf(row.created_at), updatedAt: millisOf(row.updated_at) };
}

export function objectiveStore(database: Kysely<Database>): Pick<ReportQueryStore, 'listObjectives' | 'saveObjective' | 'deleteObjective'> {
  const db = database.withTables<{ sla_objectives: SlaObjectivesTable }>();
  return {
    async listObjectives(accountId) {
      const rows = await db.selectFrom('sla_objectives').select(['id', 'body', 'created_at', 'updated_at']).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
      return rows.map(rowToObjective);
    },

    async saveObjective({ accountId, objectiveId, body, now }) {
      const json = JSON.stringify(body);
      if (objectiveId === undefined) {
        const row = { id: randomUUID(), account_id: accountId, body: json, created_at: now, updated_at: now };
        await db.insertInto('sla_objectives').values(row).execute();
        return rowToObjective(row);
      }
      const updated = await db
        .updateTable('sla_objectives')
        .set({ body: json, updated_at: now })
        .where('account_id', '=', accountId)
        .where('id', '=', objectiveId)
        .returning(['id', 'body', 'created_at', 'updated_at'])
        .executeTakeFirst();
      return updated ? rowToObjective(updated) : null;
    },

    async deleteObjective(accountId, objectiveId) {
      const result = await db.deleteFrom('sla_objectives').where('account_id', '=', accountId).where('id', '=', objectiveId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
