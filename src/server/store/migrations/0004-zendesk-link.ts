import type { Kysely } from 'kysely';

/**
 * What the server needs to talk back to Zendesk: the API's base URL per account (a real account's
 * `https://{subdomain}.zendesk.com`, or the sandbox emulator), what the setup step found or created there (field,
 * webhook and trigger ids, as JSON), the reconciliation sweep's cursor, and per ticket what we last wrote (so a
 * scheduler wake-up that changes nothing visible costs no API call).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('zendesk_url', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('zendesk_setup', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('reconcile_cursor', 'text').execute();
  await db.schema.alterTable('ticket_states').addColumn('shown', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('ticket_states').dropColumn('shown').execute();
  for (const column of ['reconcile_cursor', 'zendesk_setup', 'zendesk_url']) {
    await db.schema.alterTable('accounts').dropColumn(column).execute();
  }
}
