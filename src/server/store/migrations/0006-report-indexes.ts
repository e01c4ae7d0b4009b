import { sql, type Kysely } from 'kysely';

/**
 * Reports: the breach list and trend read only instances that breached, a small share of all records, so a partial
 * index on `breached_at` serves them without touching the rest; compliance reads a period and groups it, which the
 * period index of 0003 already serves. Objectives are admin-defined (JSON like policies), one row each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('metric_records_breached')
    .on('metric_records')
    .columns(['account_id', 'breached_at'])
    .where(sql.ref('breached_at'), 'is not', null)
    .execute();

  await db.schema
    .createTable('sla_objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sla_objectives_account').on('sla_objectives').columns(['account_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sla_objectives').execute();
  await db.schema.dropIndex('metric_records_breached').execute();
}
