import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import SqliteDatabase from 'better-sqlite3';
import { Pool } from 'pg';
import type { Database } from '../../../src/server/store/database';
import { openStore } from '../../../src/server/store/open-store';
import { createTestAccount, TEST_DIALECTS, TEST_ENCRYPTION_KEY, useTestStore } from '../../support/test-database';

describe.each(TEST_DIALECTS)('account store on %s', (dialect) => {
  const store = useTestStore(dialect);

  it('round-trips credentials and secrets, and never stores them in the clear', async () => {
    const account = await createTestAccount(store(), { subdomain: 'Secretive', settings: { locale: 'pl' } });
    expect(account).toMatchObject({
      subdomain: 'secretive',
      credentials: { kind: 'api_token', email: 'ops@acme.test', token: 'api-token' },
      webhookSecret: 'webhook-signing-secret',
      settings: { locale: 'pl' },
    });
    await expect(store().findAccount(account.id)).resolves.toEqual(account);
    await expect(store().findAccountBySubdomain('SECRETIVE')).resolves.toEqual(account);

    const database = store.database();
    const db = new Kysely<Database>({
      dialect:
        database.kind === 'postgres'
          ? new PostgresDialect({ pool: new Pool({ connectionString: database.url }) })
          : new SqliteDialect({ database: new SqliteDatabase(database.file, { readonly: true }) }),
    });
    const raw = await db.selectFrom('accounts').selectAll().where('id', '=', account.id).executeTakeFirstOrThrow();
    await db.destroy();
    expect(JSON.stringify(raw)).not.toMatch(/api-token|webhook-signing-secret|app-shared-secret/);
    expect(raw.sealed_api_credential).toMatch(/^v1\./);
  });

  it('updates the account with the same subdomain instead of adding one', async () => {
    const first = await createTestAccount(store(), { subdomain: 'rotating' });
    const second = await createTestAccount(store(), { subdomain: 'rotating', credentials: { kind: 'oauth', accessToken: 'new' }, webhookSecret: null });
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toBe(first.createdAt);
    expect(second).toMatchObject({ credentials: { kind: 'oauth', accessToken: 'new' }, webhookSecret: null });
  });

  it('finds just the webhook secret, null when the account has none', async () => {
    const account = await createTestAccount(store());
    const bare = await createTestAccount(store(), { webhookSecret: null });
    await expect(store().findWebhookSecret(account.id)).resolves.toEqual({ secret: 'webhook-signing-secret' });
    await expect(store().findWebhookSecret(bare.id)).resolves.toEqual({ secret: null });
  });

  it('finds a rotated webhook secret at once, also when another process rotated it', async () => {
    const account = await createTestAccount(store(), { webhookSecret: 'before-rotation' });
    await expect(store().findWebhookSecret(account.id)).resolves.toEqual({ secret: 'before-rotation' });
    await store().saveWebhookSecret(account.id, 'after-rotation');
    await expect(store().findWebhookSecret(account.id)).resolves.toEqual({ secret: 'after-rotation' });
    const other = await openStore({ database: store.database(), encryptionKey: TEST_ENCRYPTION_KEY });
    try {
      await other.saveWebhookSecret(account.id, 'rotated-elsewhere');
    } finally {
      await other.close();
    }
    await expect(store().findWebhookSecret(account.id)).resolves.toEqual({ secret: 'rotated-elsewhere' });
  });

  it('answers null for unknown accounts', async () => {
    await expect(store().findWebhookSecret('00000000-0000-0000-0000-000000000000')).resolves.toBeNull();
    await expect(store().findAccount('00000000-0000-0000-0000-000000000000')).resolves.toBeNull();
    await expect(store().findAccountBySubdomain('nobody')).resolves.toBeNull();
  });
});
