import type { SqliteDatabase, SqliteStatement } from 'kysely';

/**
 * Kysely's SQLite driver prepares every query anew; preparing costs about as much as running a small statement.
 * The store's queries are a fixed set of SQL texts (values are parameters), so reusing the prepared statement per
 * text makes the hot paths (webhook intake's lookup and insert) cheaper without a second code path. Safe because
 * Kysely runs one query at a time on its single SQLite connection. Bounded in case a query embeds a list length.
 */
export function withStatementCache(database: SqliteDatabase, maxStatements = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached) return cached;
      const statement = database.prepare(sql);
      if (cache.size >= maxStatements) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
      return statement;
    },
  };
}
