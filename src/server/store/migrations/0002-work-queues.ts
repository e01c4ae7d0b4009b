import type { Kysely } from 'kysely';

/**
 * The durable queues: webhook deliveries in, write-backs out. Both are claimed with leases (`lease_owner`,
 * `lease_until`): a worker that dies simply lets its lease run out, and the work is claimed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('webhook_inbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('invocation_id', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('raw_body', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    .addColumn('finished_at', 'bigint')
    // Zendesk delivers at least once: a redelivery carries the same invocation id and must not add a row.
    .addUniqueConstraint('webhook_inbox_invocation_unique', ['account_id', 'invocation_id'])
    .execute();
  await db.schema.createIndex('webhook_inbox_claimable').on('webhook_inbox').columns(['state', 'received_at']).execute();
  await db.schema
    .createIndex('webhook_inbox_ticket')
    .on('webhook_inbox')
    .columns(['account_id', 'ticket_id', 'state'])
    .execute();

  await db.schema
    .createTable('writeback_outbox')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('desired', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('not_before', 'bigint', (c) => c.notNull())
    .addColumn('enqueued_at', 'bigint', (c) => c.notNull())
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'bigint')
    .addColumn('last_error', 'text')
    // One row per ticket: a newer desired state replaces the older one (coalescing spends less API budget).
    .addPrimaryKeyConstraint('writeback_outbox_pk', ['account_id', 'ticket_id'])
    .execute();
  await db.schema.createIndex('writeback_outbox_claimable').on('writeback_outbox').columns(['not_before']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('writeback_outbox').execute();
  await db.schema.dropTable('webhook_inbox').execute();
}
