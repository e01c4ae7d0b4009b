import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Client, Pool } from 'pg';
import type { DatabaseConfig } from '../../src/server/config';
import type { Database } from '../../src/server/store/database';
import { openStore } from '../../src/server/store/open-store';
import type { Account, SlaStore } from '../../src/server/store/sla-store';

/**
 * A fresh, uniquely named database per test file, on both engines (as the Kysely example's TestContext does), so
 * several test files can run at once. PostgreSQL is a real server (PGHOST/PGPORT/PGUSER, default
 * 127.0.0.1:5432 postgres): if it cannot be reached the tests fail, they are never skipped.
 */
export type TestDialect = 'sqlite' | 'postgres';
export const TEST_DIALECTS: readonly [TestDialect][] = [['sqlite'], ['postgres']];

export const TEST_ENCRYPTION_KEY = { bytes: Buffer.alloc(32, 42) };

export interface TestDatabase {
  readonly database: DatabaseConfig;
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'sla-test-'));
    return { database: { kind: 'sqlite', file: join(folder, 'sla.db') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const name = `sla_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  return {
    database: { kind: 'postgres', url: postgresUrl(name) },
    drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

export interface TestStore {
  readonly store: SlaStore;
  readonly database: DatabaseConfig;
  /** Closes the store and drops the database. */
  destroy(): Promise<void>;
}

export async function openTestStore(dialect: TestDialect): Promise<TestStore> {
  const db = await createTestDatabase(dialect);
  const store = await openStore({ database: db.database, encryptionKey: TEST_ENCRYPTION_KEY });
  return {
    store,
    database: db.database,
    destroy: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/** The store of the enclosing describe block (call it inside tests and hooks), and the database under it. */
export interface TestStoreHandle {
  (): SlaStore;
  database(): DatabaseConfig;
}

/**
 * A fresh database for the enclosing describe block, opened before its tests and dropped after them. Returns a
 * getter because the store exists only once beforeAll has run.
 */
export function useTestStore(dialect: TestDialect): TestStoreHandle {
  let opened: TestStore | null = null;
  beforeAll(async () => {
    opened = await openTestStore(dialect);
  });
  afterAll(async () => {
    await opened?.destroy();
  });
  const current = (): TestStore => {
    if (!opened) throw new Error('the test store is opened in beforeAll: use it inside tests and hooks');
    return opened;
  };
  return Object.assign(() => current().store, { database: () => current().database });
}

let accountCounter = 0;

/** An account with a unique subdomain, so tests in one file never see each other's rows. */
export function createTestAccount(store: SlaStore, overrides: Partial<Parameters<SlaStore['saveAccount']>[0]> = {}): Promise<Account> {
  accountCounter += 1;
  return store.saveAccount({
    subdomain: `acme${accountCounter}-${randomBytes(3).toString('hex')}`,
    credentials: { kind: 'api_token', email: 'ops@acme.test', token: 'api-token' },
    webhookSecret: 'webhook-signing-secret',
    appSharedSecret: 'app-shared-secret-that-is-long-enough-for-hs256',
    now: Date.UTC(2026, 0, 1),
    ...overrides,
  });
}

export function postgresUrl(database: string): string {
  const host = process.env.PGHOST ?? '127.0.0.1';
  const port = process.env.PGPORT ?? '5432';
  const user = process.env.PGUSER ?? 'postgres';
  return `postgres://${encodeURIComponent(user)}@${host}:${port}/${database}`;
}

async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Kysely straight on the test database, without the store: for what a spec must see or do below the store's API. */
export function rawKysely(database: DatabaseConfig): Kysely<Database> {
  return new Kysely<Database>({
    dialect:
      database.kind === 'postgres'
        ? new PostgresDialect({ pool: new Pool({ connectionString: database.url, max: 2 }) })
        : new SqliteDialect({ database: new SqliteDatabase(database.file) }),
  });
}
