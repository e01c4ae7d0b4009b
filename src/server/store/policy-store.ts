import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './database';
import { policyRowToPolicy } from './policy-rows';
import type { PolicyStore, StoredPolicy } from './sla-store';
import { inWriteTransaction, type StoreContext } from './store-context';

export function policyStore(ctx: StoreContext): PolicyStore {
  const { db } = ctx;
  return {
    async listPolicies(accountId) {
      return currentPolicies(db, accountId);
    },
    async getPolicy(accountId, policyId) {
      return (await currentPolicies(db, accountId, policyId))[0] ?? null;
    },
    async savePolicy({ accountId, policyId, body, position, expectedVersion, authorId, apply, now }) {
      return inWriteTransaction(ctx, async (trx) => {
        const existing = policyId === undefined ? undefined : await findPolicyRow(trx, accountId, policyId);
        if (policyId !== undefined && !existing) return { kind: 'not_found' } as const;
        if (existing && expectedVersion !== undefined && existing.current_version !== expectedVersion) {
          return { kind: 'version_conflict', currentVersion: existing.current_version } as const;
        }
        const id = existing?.id ?? randomUUID();
        const version = (existing?.current_version ?? 0) + 1;
        const row = { id, account_id: accountId, position: position ?? existing?.position ?? (await nextPosition(trx, accountId)) };
        if (existing) {
          await trx.updateTable('policies').set({ position: row.position, current_version: version, updated_at: now }).where('id', '=', id).execute();
        } else {
          await trx.insertInto('policies').values({ ...row, current_version: version, created_at: now, updated_at: now }).execute();
        }
        const saved = { policy_id: id, version, account_id: accountId, body: JSON.stringify(body), author_id: authorId, saved_at: now, apply: apply ?? null };
        await trx.insertInto('policy_versions').values(saved).execute();
        return { kind: 'saved', value: policyRowToPolicy(row, saved) } as const;
      });
    },
    async reorderPolicies({ accountId, ids, now }) {
      return inWriteTransaction(ctx, async (trx) => {
        const rows = await trx.selectFrom('policies').select('id').where('account_id', '=', accountId).execute();
        const known = new Set(rows.map((r) => r.id));
        // Checked again inside the transaction: a policy added or deleted since the caller looked makes the list stale.
        if (ids.length !== known.size || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) return 'mismatch';
        for (const [index, id] of ids.entries()) {
          await trx.updateTable('policies').set({ position: index + 1, updated_at: now }).where('account_id', '=', accountId).where('id', '=', id).execute();
        }
        return 'reordered';
      });
    },
    async listPolicyVersions(accountId, policyId) {
      const rows = await db
        .selectFrom('policy_versions as v')
        .innerJoin('policies as p', 'p.id', 'v.policy_id')
        .selectAll('v')
        .select(['p.position'])
        .where('v.account_id', '=', accountId)
        .where('v.policy_id', '=', policyId)
        .orderBy('v.version', 'desc')
        .execute();
      return rows.map((r) => policyRowToPolicy({ id: r.policy_id, account_id: r.account_id, position: r.position }, r));
    },
    async deletePolicy(accountId, policyId) {
      const result = await db.deleteFrom('policies').where('account_id', '=', accountId).where('id', '=', policyId).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}

async function currentPolicies(db: Kysely<Database>, accountId: string, policyId?: string): Promise<StoredPolicy[]> {
  let query = db
    .selectFrom('policies as p')
    .innerJoin('policy_versions as v', (join) => join.onRef('v.policy_id', '=', 'p.id').onRef('v.version', '=', 'p.current_version'))
    .selectAll('v')
    .select(['p.id', 'p.position'])
    .where('p.account_id', '=', accountId)
    .orderBy('p.position')
    .orderBy('p.created_at');
  if (policyId !== undefined) query = query.where('p.id', '=', policyId);
  const rows = await query.execute();
  return rows.map((r) => policyRowToPolicy({ id: r.id, account_id: r.account_id, position: r.position }, r));
}

function findPolicyRow(db: Kysely<Database>, accountId: string, policyId: string) {
  return db.selectFrom('policies').selectAll().where('account_id', '=', accountId).where('id', '=', policyId).executeTakeFirst();
}

async function nextPosition(db: Kysely<Database>, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('policies')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.last == null ? 1 : Number(row.last) + 1;
}
