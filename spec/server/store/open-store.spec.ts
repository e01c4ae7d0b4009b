import { Pool } from 'pg';
import { MIGRATIONS } from '../../../src/server/store/migrations';
import { migrateToLatest, openStore } from '../../../src/server/store/open-store';
import { createTestDatabase, postgresUrl, rawKysely, TEST_DIALECTS, TEST_ENCRYPTION_KEY, type TestDatabase } from '../../support/test-database';

describe.each(TEST_DIALECTS)('openStore on %s', (dialect) => {
  let testDb: TestDatabase;
  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
  });
  afterAll(() => testDb.drop());

  it('migrates a new database, reports ready, and opening again changes nothing', async () => {
    const first = await openStore({ database: testDb.database, encryptionKey: TEST_ENCRYPTION_KEY });
    expect(first.dialect).toBe(dialect);
    await expect(first.checkReady()).resolves.toEqual({ ready: true });
    await first.close();

    const second = await openStore({ database: testDb.database, encryptionKey: TEST_ENCRYPTION_KEY });
    await expect(second.checkReady()).resolves.toEqual({ ready: true });
    await second.close();

    const db = rawKysely(testDb.database);
    await migrateToLatest(db);
    const executed = await db.selectFrom('kysely_migration' as never).select('name' as never).execute();
    expect(executed).toHaveLength(Object.keys(MIGRATIONS).length);
    await db.destroy();
  });

  it('is not ready when a migration this build knows has not run, and names it', async () => {
    const other = await createTestDatabase(dialect);
    const store = await openStore({ database: other.database, encryptionKey: TEST_ENCRYPTION_KEY });
    const db = rawKysely(other.database);
    // What a rolling deploy can meet: a newer build reading a database an older build migrated.
    await db.deleteFrom('kysely_migration' as never).where('name' as never, '=', '0003-ticket-sla' as never).execute();
    await expect(store.checkReady()).resolves.toEqual({ ready: false, reason: 'migrations not applied: 0003-ticket-sla' });
    await db.destroy();
    await store.close();
    await other.drop();
  });

  it('is not ready once the database is gone', async () => {
    const store = await openStore({ database: testDb.database, encryptionKey: TEST_ENCRYPTION_KEY });
    await store.close();
    await expect(store.checkReady()).resolves.toMatchObject({ ready: false, reason: expect.stringMatching(/^database unreachable/) });
  });
});

describe('openStore on PostgreSQL', () => {
  it('survives PostgreSQL closing its idle connections (a restart, an admin): the next query reconnects', async () => {
    const testDb = await createTestDatabase('postgres');
    const lost: Error[] = [];
    const store = await openStore({ database: testDb.database, encryptionKey: TEST_ENCRYPTION_KEY, onConnectionLost: (error) => lost.push(error) });
    try {
      await expect(store.checkReady()).resolves.toEqual({ ready: true });
      const name = new URL(testDb.database.kind === 'postgres' ? testDb.database.url : '').pathname.slice(1);
      const admin = new Pool({ connectionString: postgresUrl('postgres'), max: 1 });
      const terminated = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.end();
      expect(terminated.rowCount).toBeGreaterThan(0);
      for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(lost.length).toBeGreaterThan(0);
      await expect(store.checkReady()).resolves.toEqual({ ready: true });
    } finally {
      await store.close();
      await testDb.drop();
    }
  });
});

describe('openStore on SQLite', () => {
  it('creates the file and its folder on first start', async () => {
    const testDb = await createTestDatabase('sqlite');
    if (testDb.database.kind !== 'sqlite') throw new Error('unreachable');
    const file = testDb.database.file.replace(/sla\.db$/, 'nested/deeper/sla.db');
    const store = await openStore({ database: { kind: 'sqlite', file }, encryptionKey: TEST_ENCRYPTION_KEY });
    await expect(store.checkReady()).resolves.toEqual({ ready: true });
    await store.close();
    await testDb.drop();
  });
});
