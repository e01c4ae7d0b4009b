import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Database } from './database';
import type { SecretBox } from './secret-box';

export type DialectName = 'sqlite' | 'postgres';

/** What every store part receives: the database, which dialect it speaks, and the secret box. */
export interface StoreContext {
  readonly db: Kysely<Database>;
  readonly dialect: DialectName;
  readonly box: SecretBox;
}

/*
 * The only place where the two databases are handled differently.
 *
 * PostgreSQL: several server processes claim concurrently; `FOR UPDATE SKIP LOCKED` lets each take rows the others
 * have not locked, without waiting. SQLite has one writer at a time, so `BEGIN IMMEDIATE` takes the write lock at
 * the start: a deferred transaction that reads and then writes could fail with SQLITE_BUSY when another process
 * wrote in between, and SKIP LOCKED has nothing to skip.
 */

/** Runs `work` in a transaction that holds the write lock (SQLite) or is an ordinary one (PostgreSQL). */
export async function inWriteTransaction<T>(ctx: StoreContext, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (ctx.dialect === 'postgres') return ctx.db.transaction().execute(work);
  return ctx.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/** Locks the selected rows for the claim, skipping rows another claimer holds (PostgreSQL only). */
export function lockedForClaim<DB, TB extends keyof DB, O>(
  ctx: StoreContext,
  query: SelectQueryBuilder<DB, TB, O>,
): SelectQueryBuilder<DB, TB, O> {
  return ctx.dialect === 'postgres' ? query.forUpdate().skipLocked() : query;
}
