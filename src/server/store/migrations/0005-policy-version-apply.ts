import type { Kysely } from 'kysely';

/**
 * How an admin asked a policy save to reach existing tickets (`recompute_open` or `new_tickets_only`), kept on the
 * version it belongs to, so the history says why due times on open tickets moved. Null for versions saved before.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('policy_versions').addColumn('apply', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('policy_versions').dropColumn('apply').execute();
}
