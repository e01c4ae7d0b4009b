import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database, Millis } from './database';
import { millisOf } from './database';
import { sliceCondition } from './report-slice';
import { DEFAULT_OBJECTIVE_ALERT, type ObjectiveAlert, type ObjectiveAlertSettings, type ObjectiveBody, type ReportQueryStore, type StoredObjective } from './report-queries';

/** Tables of migrations 0006 and 0007; declared here (not in database.ts) because only this file reads them. */
interface SlaObjectivesTable {
  id: string;
  account_id: string;
  body: string;
  created_at: Millis;
  updated_at: Millis;
  alert_enabled: number;
  alert_threshold_percent: number;
  /** JSON array of addresses. */
  alert_recipients: string;
  alert_trigger_id: string | null;
}

interface SlaObjectiveAlertsTable {
  objective_id: string;
  period_start: Millis;
  account_id: string;
  ticket_id: string;
  attainment_percent: number | null;
  budget: number;
  budget_remaining: number;
  sent_at: Millis;
}

const COLUMNS = ['id', 'body', 'created_at', 'updated_at', 'alert_enabled', 'alert_threshold_percent', 'alert_recipients', 'alert_trigger_id'] as const;

interface ObjectiveRow {
  id: string;
  body: string;
  created_at: number | string;
  updated_at: number | string;
  alert_enabled: number | string;
  alert_threshold_percent: number | string;
  alert_recipients: string;
  alert_trigger_id: string | null;
}

function rowToObjective(row: ObjectiveRow): StoredObjective {
  return {
    objective: { ...(JSON.parse(row.body) as ObjectiveBody), id: row.id },
    alert: { enabled: Number(row.alert_enabled) === 1, thresholdPercent: Number(row.alert_threshold_percent), recipients: JSON.parse(row.alert_recipients) as string[] },
    alertTriggerId: row.alert_trigger_id,
    createdAt: millisOf(row.created_at),
    updatedAt: millisOf(row.updated_at),
  };
}

const alertColumns = (alert: ObjectiveAlertSettings) => ({
  alert_enabled: alert.enabled ? 1 : 0,
  alert_threshold_percent: alert.thresholdPercent,
  alert_recipients: JSON.stringify(alert.recipients),
});

type ObjectiveStore = Pick<
  ReportQueryStore,
  'listObjectives' | 'saveObjective' | 'deleteObjective' | 'saveObjectiveAlertTrigger' | 'claimObjectiveAlert' | 'latestObjectiveAlerts' | 'countObjectiveRecords'
>;

export function objectiveStore(database: Kysely<Database>): ObjectiveStore {
  const db = database.withTables<{ sla_objectives: SlaObjectivesTable; sla_objective_alerts: SlaObjectiveAlertsTable }>();
  return {
    async listObjectives(accountId) {
      const rows = await db.selectFrom('sla_objectives').select(COLUMNS).where('account_id', '=', accountId).orderBy('created_at').orderBy('id').execute();
      return rows.map(rowToObjective);
    },

    async saveObjective({ accountId, objectiveId, body, alert, now }) {
      const json = JSON.stringify(body);
      if (objectiveId === undefined) {
        const row = { id: randomUUID(), account_id: accountId, body: json, created_at: now, updated_at: now, ...alertColumns(alert ?? DEFAULT_OBJECTIVE_ALERT), alert_trigger_id: null };
        await db.insertInto('sla_objectives').values(row).execute();
        return rowToObjective(row);
      }
      const updated = await db
        .updateTable('sla_objectives')
        .set({ body: json, updated_at: now, ...(alert ? alertColumns(alert) : {}) })
        .where('account_id', '=', accountId)
        .where('id', '=', objectiveId)
        .returning(COLUMNS)
        .executeTakeFirst();
      return updated ? rowToObjective(updated) : null;
    },

    async deleteObjective(accountId, objectiveId) {
      const result = await db.deleteFrom('sla_objectives').where('account_id', '=', accountId).where('id', '=', objectiveId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async saveObjectiveAlertTrigger(accountId, objectiveId, triggerId) {
      const result = await db.updateTable('sla_objectives').set({ alert_trigger_id: triggerId }).where('account_id', '=', accountId).where('id', '=', objectiveId).executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    claimObjectiveAlert(alert) {
      return insertObjectiveAlert(database, alert);
    },

    async countObjectiveRecords(slice, targetMinutes) {
      // The core's objectiveVerdict as SQL: not counted without minutes or when not applicable; at or over the
      // threshold bad whatever the status; under it good when fulfilled, else still undecided.
      const fulfilled = sql<boolean>`status in ('met', 'met_late')`;
      const row = await database
        .selectFrom('metric_records')
        .select([
          sql<number | string | null>`sum(case when business_minutes >= ${targetMinutes} then 1 else 0 end)`.as('bad'),
          sql<number | string | null>`sum(case when business_minutes < ${targetMinutes} and ${fulfilled} then 1 else 0 end)`.as('good'),
          sql<number | string | null>`sum(case when business_minutes < ${targetMinutes} and not (${fulfilled}) then 1 else 0 end)`.as('undecided'),
        ])
        .where((eb) => sliceCondition(eb, slice, 'started_at'))
        .where('status', '<>', 'not_applicable')
        .where('business_minutes', 'is not', null)
        .executeTakeFirstOrThrow();
      return { good: Number(row.good ?? 0), bad: Number(row.bad ?? 0), undecided: Number(row.undecided ?? 0) };
    },

    async latestObjectiveAlerts(accountId) {
      const rows = await db.selectFrom('sla_objective_alerts').selectAll().where('account_id', '=', accountId).orderBy('period_start').execute();
      const latest = new Map<string, ObjectiveAlert>();
      for (const row of rows) {
        latest.set(row.objective_id, {
          objectiveId: row.objective_id,
          periodStart: millisOf(row.period_start),
          ticketId: row.ticket_id,
          attainmentPercent: row.attainment_percent === null ? null : Number(row.attainment_percent),
          budget: Number(row.budget),
          budgetRemaining: Number(row.budget_remaining),
          sentAt: millisOf(row.sent_at),
        });
      }
      return latest;
    },
  };
}

/**
 * Records the period's alert unless one is recorded already: true for exactly one caller per objective and period.
 * Takes the transaction of the write-back that carries the alert's tag (enqueueWriteback), so that an alert is
 * never recorded as sent without its tag queued.
 */
export async function insertObjectiveAlert(database: Kysely<Database>, alert: ObjectiveAlert & { readonly accountId: string }): Promise<boolean> {
  const inserted = await database
    .withTables<{ sla_objective_alerts: SlaObjectiveAlertsTable }>()
    .insertInto('sla_objective_alerts')
    .values({
      objective_id: alert.objectiveId,
      period_start: alert.periodStart,
      account_id: alert.accountId,
      ticket_id: alert.ticketId,
      attainment_percent: alert.attainmentPercent,
      budget: alert.budget,
      budget_remaining: alert.budgetRemaining,
      sent_at: alert.sentAt,
    })
    .onConflict((oc) => oc.columns(['objective_id', 'period_start']).doNothing())
    .returning('objective_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
