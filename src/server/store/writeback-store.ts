import type { ExpressionBuilder, Kysely } from 'kysely';
import type { EpochMillis } from '../../core/time/instant';
import type { Database } from './database';
import type { WritebackDesired, WritebackStore } from './sla-store';
import { insertObjectiveAlert } from './report-objectives';
import { inWriteTransaction, lockedForClaim, type StoreContext } from './store-context';
import { keyOf, ticketIn } from './ticket-lease';
import { writebackRowToClaim } from './writeback-rows';

const isUnleased = (now: number) => (eb: ExpressionBuilder<Database, 'writeback_outbox'>) =>
  eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]);
const isClaimable = (now: number) => (eb: ExpressionBuilder<Database, 'writeback_outbox'>) => eb.and([eb('not_before', '<=', now), isUnleased(now)(eb)]);
/** Waiting for its account's window: not due yet, and not held back by a failure (those carry last_error). */
const isWaitingForWindow = (now: number) => (eb: ExpressionBuilder<Database, 'writeback_outbox'>) =>
  eb.and([eb('not_before', '>', now), eb('last_error', 'is', null), isUnleased(now)(eb)]);

export function writebackStore(ctx: StoreContext): WritebackStore {
  const { db } = ctx;
  /** The ticket's pending row, locked on PostgreSQL until the transaction ends (SQLite's is locked whole). */
  const pendingOf = (trx: Kysely<Database>, accountId: string, ticketId: string) => {
    const query = trx.selectFrom('writeback_outbox').select('desired').where('account_id', '=', accountId).where('ticket_id', '=', ticketId);
    return (ctx.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  };
  return {
    async enqueueWriteback({ accountId, ticketId, desired, now, notBefore = now, alerts }) {
      return inWriteTransaction(ctx, async (trx) => {
        // An alert's tag goes only with the write that records the alert (another ticket may have won the period's).
        const lost = new Set<string>();
        for (const alert of alerts ?? []) if (!(await insertObjectiveAlert(trx, { ...alert, accountId }))) lost.add(alert.tag);
        // A pending state's once tags (an alert not written yet) stay with the newer state. The row lock makes a
        // write-back finishing meanwhile see the newer revision, and take out what it wrote (completeWriteback).
        const pending = await pendingOf(trx, accountId, ticketId);
        const onceTags = union(pending ? onceTagsOf(pending.desired) : [], (desired.onceTags ?? []).filter((tag) => !lost.has(tag)));
        const { onceTags: _given, ...state } = desired;
        const json = JSON.stringify(onceTags.length > 0 ? { ...state, onceTags } : state);
        const { revision } = await upsert(trx, { accountId, ticketId, json, now, notBefore });
        return alerts ? { revision, alertTags: alerts.map((a) => a.tag).filter((tag) => !lost.has(tag)) } : { revision };
      });
    },

    async claimWritebacks({ owner, now, leaseMs, limit }) {
      const leaseUntil = now + leaseMs;
      return inWriteTransaction(ctx, async (trx) => {
        const free = await lockedForClaim(
          ctx,
          trx
            .selectFrom('writeback_outbox')
            .select(['account_id', 'ticket_id'])
            .where(isClaimable(now))
            .orderBy('enqueued_at')
            .orderBy('ticket_id')
            .limit(limit),
        ).execute();
        if (free.length === 0) return [];
        const accounts = [...new Set(free.map((key) => key.account_id))];
        const riders =
          free.length < limit
            ? await lockedForClaim(
                ctx,
                trx
                  .selectFrom('writeback_outbox')
                  .select(['account_id', 'ticket_id'])
                  .where('account_id', 'in', accounts)
                  .where(isWaitingForWindow(now))
                  .orderBy('not_before')
                  .orderBy('ticket_id')
                  .limit(limit - free.length),
              ).execute()
            : [];
        const claimed = [...free, ...riders];
        // One statement for the batch, then back in the claim's order (due ones oldest first, then the riders).
        const rows = await trx
          .updateTable('writeback_outbox')
          .set((eb) => ({ lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
          .where(ticketIn(claimed))
          .returningAll()
          .execute();
        const order = new Map(claimed.map((key, index) => [keyOf(key), index]));
        return rows.sort((a, b) => (order.get(keyOf(a)) ?? 0) - (order.get(keyOf(b)) ?? 0)).map(writebackRowToClaim);
      });
    },

    async completeWriteback({ owner, accountId, ticketId, revision, onceTagsDone = [] }) {
      return inWriteTransaction(ctx, async (trx) => {
        const deleted = await trx
          .deleteFrom('writeback_outbox')
          .where('account_id', '=', accountId)
          .where('ticket_id', '=', ticketId)
          .where('lease_owner', '=', owner)
          .where('revision', '=', revision)
          .executeTakeFirst();
        if (deleted.numDeletedRows > 0n) return 'done';
        // A newer state arrived while we wrote the older one: leave it, unleased and with fresh attempts, without
        // the once tags just written (their trigger has fired; a second write would fire it again).
        const pending = await pendingOf(trx, accountId, ticketId);
        const released = await trx
          .updateTable('writeback_outbox')
          .set({
            lease_owner: null,
            lease_until: null,
            attempts: 0,
            last_error: null,
            ...(pending && onceTagsDone.length > 0 ? { desired: withoutOnceTags(pending.desired, onceTagsDone) } : {}),
          })
          .where('account_id', '=', accountId)
          .where('ticket_id', '=', ticketId)
          .where('lease_owner', '=', owner)
          .executeTakeFirst();
        return released.numUpdatedRows > 0n ? 'superseded' : 'lease_lost';
      });
    },

    async writebackStats() {
      const row = await db
        .selectFrom('writeback_outbox')
        .select((eb) => [eb.fn.countAll().as('pending'), eb.fn.min('not_before').as('earliest')])
        .executeTakeFirstOrThrow();
      return { pending: Number(row.pending), earliestNotBefore: row.earliest === null ? null : Number(row.earliest) };
    },

    async retryWriteback({ owner, accountId, ticketId, notBefore, error }) {
      const result = await db
        .updateTable('writeback_outbox')
        .set({ lease_owner: null, lease_until: null, not_before: notBefore, last_error: error })
        .where('account_id', '=', accountId)
        .where('ticket_id', '=', ticketId)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}

/**
 * Coalescing: the newest desired state replaces the older one in place. It goes at the earlier of the two times
 * asked for (a breach tag does not wait for the window a due-time change waits for), except after a failure: then
 * `not_before` is the Retry-After or backoff Zendesk asked for, and it holds for the newer state.
 */
async function upsert(
  trx: Kysely<Database>,
  input: { accountId: string; ticketId: string; json: string; now: EpochMillis; notBefore: EpochMillis },
): Promise<{ revision: number }> {
  const row = await trx
    .insertInto('writeback_outbox')
    .values({
      account_id: input.accountId,
      ticket_id: input.ticketId,
      desired: input.json,
      revision: 1,
      not_before: input.notBefore,
      enqueued_at: input.now,
      lease_owner: null,
      lease_until: null,
      last_error: null,
    })
    .onConflict((oc) =>
      oc.columns(['account_id', 'ticket_id']).doUpdateSet((eb) => ({
        desired: input.json,
        revision: eb('writeback_outbox.revision', '+', 1),
        not_before: eb
          .case()
          .when(eb.and([eb('writeback_outbox.last_error', 'is', null), eb('writeback_outbox.not_before', '>', eb.ref('excluded.not_before'))]))
          .then(eb.ref('excluded.not_before'))
          .else(eb.ref('writeback_outbox.not_before'))
          .end(),
      })),
    )
    .returning('revision')
    .executeTakeFirstOrThrow();
  return { revision: row.revision };
}

const onceTagsOf = (json: string): readonly string[] => (JSON.parse(json) as WritebackDesired).onceTags ?? [];
const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

function withoutOnceTags(json: string, done: readonly string[]): string {
  const { onceTags = [], ...state } = JSON.parse(json) as WritebackDesired;
  const left = onceTags.filter((tag) => !done.includes(tag));
  return JSON.stringify(left.length > 0 ? { ...state, onceTags: left } : state);
}
