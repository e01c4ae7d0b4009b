import type { Kysely } from 'kysely';

/**
 * Objective budget alerts (issue #6): an objective's alert settings (on/off, the remaining-budget threshold in
 * percent of the period's budget, fixed recipient addresses as JSON) and the id of the Zendesk trigger that mails
 * them; and one row per alert sent, unique per objective and period, so two server processes that see the
 * threshold crossed at once send one alert between them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sla_objectives').addColumn('alert_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('sla_objectives').addColumn('alert_threshold_percent', 'double precision', (c) => c.notNull().defaultTo(25)).execute();
  await db.schema.alterTable('sla_objectives').addColumn('alert_recipients', 'text', (c) => c.notNull().defaultTo('[]')).execute();
  await db.schema.alterTable('sla_objectives').addColumn('alert_trigger_id', 'text').execute();

  await db.schema
    .createTable('sla_objective_alerts')
    .addColumn('objective_id', 'text', (c) => c.notNull().references('sla_objectives.id').onDelete('cascade'))
    .addColumn('period_start', 'bigint', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('attainment_percent', 'double precision')
    .addColumn('budget', 'double precision', (c) => c.notNull())
    .addColumn('budget_remaining', 'double precision', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sla_objective_alerts_pk', ['objective_id', 'period_start'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sla_objective_alerts').execute();
  for (const column of ['alert_trigger_id', 'alert_recipients', 'alert_threshold_percent', 'alert_enabled']) {
    await db.schema.alterTable('sla_objectives').dropColumn(column).execute();
  }
}
