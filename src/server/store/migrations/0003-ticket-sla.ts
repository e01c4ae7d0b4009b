import type { Kysely } from 'kysely';

/** Per ticket: its normalized history, its current assessment, one record per metric instance, and breaches. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_events')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_events_pk', ['account_id', 'ticket_id', 'seq'])
    .addUniqueConstraint('ticket_events_source_unique', ['account_id', 'ticket_id', 'source_id'])
    .execute();

  await db.schema
    .createTable('ticket_states')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('assessment', 'text')
    .addColumn('policy_id', 'text')
    .addColumn('next_check_at', 'bigint')
    .addColumn('zendesk_updated_at', 'bigint')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_states_pk', ['account_id', 'ticket_id'])
    .execute();
  await db.schema.createIndex('ticket_states_next_check').on('ticket_states').columns(['next_check_at']).execute();

  await db.schema
    .createTable('metric_records')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'text')
    .addColumn('priority', 'text')
    .addColumn('group_id', 'text')
    .addColumn('assignee_id', 'text')
    .addColumn('brand_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('via', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('due_at', 'bigint')
    .addColumn('fulfilled_at', 'bigint')
    .addColumn('breached_at', 'bigint')
    .addColumn('business_minutes', 'double precision')
    .addColumn('calendar_minutes', 'double precision')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('metric_records_pk', ['account_id', 'ticket_id', 'metric', 'instance'])
    .execute();
  // Reports ask "this period" and "this period, for this group".
  await db.schema.createIndex('metric_records_period').on('metric_records').columns(['account_id', 'started_at']).execute();
  await db.schema
    .createIndex('metric_records_group_period')
    .on('metric_records')
    .columns(['account_id', 'group_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('sla_breaches')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('instance', 'integer', (c) => c.notNull())
    .addColumn('policy_id', 'text')
    .addColumn('breached_at', 'bigint', (c) => c.notNull())
    .addColumn('recorded_at', 'bigint', (c) => c.notNull())
    // The "email once" guarantee: a breach of one metric instance is recorded (and so notified) once.
    .addPrimaryKeyConstraint('sla_breaches_pk', ['account_id', 'ticket_id', 'metric', 'instance'])
    .execute();
  await db.schema.createIndex('sla_breaches_period').on('sla_breaches').columns(['account_id', 'breached_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sla_breaches', 'metric_records', 'ticket_states', 'ticket_events']) {
    await db.schema.dropTable(table).execute();
  }
}
