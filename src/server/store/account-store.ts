import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import { accountInputToRow, accountRowToAccount } from './account-rows';
import type { AccountStore } from './sla-store';
import type { StoreContext } from './store-context';

export function accountStore(ctx: StoreContext): AccountStore {
  const { db, box } = ctx;
  // Webhook intake reads the signing secret on every delivery. The row is read each time, so a rotated secret (saved
  // by any process) counts at once; only its decryption is kept, per sealed value, which a rotation changes.
  const webhookSecretSql = db.selectFrom('accounts').select('sealed_webhook_secret').where('id', '=', '').compile().sql;
  const openedSecrets = new Map<string, string>();
  const openWebhookSecret = (sealed: string): string => {
    const known = openedSecrets.get(sealed);
    if (known !== undefined) return known;
    const secret = box.open(sealed);
    if (openedSecrets.size >= 1_000) openedSecrets.clear();
    openedSecrets.set(sealed, secret);
    return secret;
  };
  return {
    async saveAccount(input) {
      const row = accountInputToRow(input, randomUUID(), box);
      const { id: _id, created_at: _created, subdomain: _subdomain, ...changes } = row;
      const saved = await db
        .insertInto('accounts')
        .values(row)
        .onConflict((oc) => oc.column('subdomain').doUpdateSet(changes))
        .returningAll()
        .executeTakeFirstOrThrow();
      return accountRowToAccount(saved, box);
    },
    async findAccount(accountId) {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
      return row ? accountRowToAccount(row, box) : null;
    },
    async findAccountBySubdomain(subdomain) {
      const row = await db
        .selectFrom('accounts')
        .selectAll()
        .where('subdomain', '=', subdomain.toLowerCase())
        .executeTakeFirst();
      return row ? accountRowToAccount(row, box) : null;
    },
    async findWebhookSecret(accountId) {
      const { rows } = await db.executeQuery<{ sealed_webhook_secret: string | null }>(CompiledQuery.raw(webhookSecretSql, [accountId]));
      const row = rows[0];
      if (!row) return null;
      return { secret: row.sealed_webhook_secret === null ? null : openWebhookSecret(row.sealed_webhook_secret) };
    },
    async listAccounts() {
      const rows = await db.selectFrom('accounts').selectAll().orderBy('created_at').orderBy('id').execute();
      return rows.map((row) => accountRowToAccount(row, box));
    },
    async saveZendeskSetup(accountId, setup) {
      await db.updateTable('accounts').set({ zendesk_setup: JSON.stringify(setup) }).where('id', '=', accountId).execute();
    },
    async saveWebhookSecret(accountId, secret) {
      await db.updateTable('accounts').set({ sealed_webhook_secret: box.seal(secret) }).where('id', '=', accountId).execute();
    },
    async getReconcileCursor(accountId) {
      const row = await db.selectFrom('accounts').select('reconcile_cursor').where('id', '=', accountId).executeTakeFirst();
      return row?.reconcile_cursor ?? null;
    },
    async saveReconcileCursor(accountId, cursor) {
      await db.updateTable('accounts').set({ reconcile_cursor: cursor }).where('id', '=', accountId).execute();
    },
  };
}
