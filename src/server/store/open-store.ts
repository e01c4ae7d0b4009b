import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Dialect } from 'kysely';
import { Pool } from 'pg';
import type { DatabaseConfig } from '../config';
import { accountStore } from './account-store';
import type { Database } from './database';
import { inboxStore } from './inbox-store';
import { MIGRATIONS, migrationProvider } from './migrations';
import { notificationSettingsStore } from './notification-settings-store';
import { policyStore } from './policy-store';
import { reassessmentStore } from './reassessment-store';
import { reportStore } from './report-store';
import { scheduleStore } from './schedule-store';
import { withStatementCache } from './sqlite-statement-cache';
import { createSecretBox } from './secret-box';
import type { SlaStore } from './sla-store';
import { inWriteTransaction, type DialectName, type StoreContext } from './store-context';
import { ticketStore } from './ticket-store';
import { writebackStore } from './writeback-store';

export interface StoreConfig {
  readonly database: DatabaseConfig;
  readonly encryptionKey: { readonly bytes: Buffer };
  /** Told when PostgreSQL drops an idle pooled connection (restart, failover, an admin's terminate). */
  readonly onConnectionLost?: (error: Error) => void;
}

/** Opens SQLite (creating the file and its folder) or PostgreSQL, and migrates it to the latest schema. */
export async function openStore(config: StoreConfig): Promise<SlaStore> {
  const { dialect, name } = createDialect(config.database, config.onConnectionLost ?? (() => undefined));
  const db = new Kysely<Database>({ dialect });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return composeStore({ db, dialect: name, box: createSecretBox(config.encryptionKey.bytes) });
}

function createDialect(database: DatabaseConfig, onConnectionLost: (error: Error) => void): { dialect: Dialect; name: DialectName } {
  if (database.kind === 'postgres') {
    const pool = new Pool({ connectionString: database.url, max: 10 });
    // An idle connection the server closed is not fatal: the pool drops it and the next query opens another. With
    // no listener, Node would throw the pool's 'error' event and a PostgreSQL restart would kill the server.
    pool.on('error', onConnectionLost);
    return { name: 'postgres', dialect: new PostgresDialect({ pool }) };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  const sqlite = new SqliteDatabase(database.file);
  // WAL lets readers (health checks, reports) run while a writer commits; foreign keys are off by default in SQLite.
  sqlite.pragma('journal_mode = WAL');
  // What a commit (a 202 to Zendesk) survives: with WAL + NORMAL, a crash or kill of this process, not an OS crash or
  // power cut (the WAL is fsynced at checkpoints, not at each commit); deliveries lost that way are found again by
  // the reconciliation sweep. Said explicitly: unset, SQLite as built by better-sqlite3 gives FULL only to the
  // process that creates the file, and NORMAL to every later one.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { name: 'sqlite', dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) };
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const cause = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${cause}`, { cause: error });
  }
}

function composeStore(ctx: StoreContext): SlaStore {
  const { db } = ctx;
  return {
    dialect: ctx.dialect,
    ...accountStore(ctx),
    ...scheduleStore(ctx),
    ...policyStore(ctx),
    ...notificationSettingsStore(ctx),
    ...inboxStore(ctx),
    ...ticketStore(ctx),
    ...reportStore(ctx),
    ...writebackStore(ctx),
    ...reassessmentStore(ctx),
    async checkReady() {
      try {
        const applied = await new Migrator({ db, provider: migrationProvider }).getMigrations();
        const missing = applied.filter((m) => m.executedAt === undefined).map((m) => m.name);
        if (missing.length > 0) return { ready: false, reason: `migrations not applied: ${missing.join(', ')}` };
        if (applied.length < Object.keys(MIGRATIONS).length) return { ready: false, reason: 'migrations missing' };
        return { ready: true };
      } catch (error) {
        return { ready: false, reason: `database unreachable: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    async releaseLeases(owner) {
      await inWriteTransaction(ctx, async (trx) => {
        // Attempts were counted when claimed; work handed back on shutdown was not really attempted.
        await trx
          .updateTable('webhook_inbox')
          .set((eb) => ({ state: 'pending', lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
          .where('lease_owner', '=', owner)
          .where('state', '=', 'processing')
          .execute();
        await trx.updateTable('ticket_states').set({ lease_owner: null, lease_until: null }).where('lease_owner', '=', owner).execute();
        await trx
          .updateTable('writeback_outbox')
          .set((eb) => ({ lease_owner: null, lease_until: null, attempts: eb('attempts', '-', 1) }))
          .where('lease_owner', '=', owner)
          .execute();
      });
    },
    async close() {
      await db.destroy();
    },
  };
}
