import { randomUUID } from 'node:crypto';
import type { ExpressionBuilder } from 'kysely';
import { millisOf, type Database } from './database';
import { inboxRowToDelivery } from './inbox-rows';
import { groupCommit } from './group-commit';
import { retryBackoffMs } from './retry-backoff';
import type { ClaimedTicketDeliveries, InboxDelivery, InboxStore } from './sla-store';
import { inWriteTransaction, type StoreContext } from './store-context';
import { keyOf, leaseFreeTickets, releaseTicketLease, ticketIn } from './ticket-lease';

/** Pending and due, or taken by a worker whose lease ran out (it crashed or stalled). */
const isClaimable = (now: number) => (eb: ExpressionBuilder<Database, 'webhook_inbox'>) =>
  eb.or([
    eb.and([eb('state', '=', 'pending'), eb('not_before', '<=', now)]),
    eb.and([eb('state', '=', 'processing'), eb('lease_until', '<=', now)]),
  ]);

/** Tickets with claimable deliveries are looked at in this multiple of `limit`, as some may be leased already. */
const CANDIDATE_FACTOR = 4;

export function inboxStore(ctx: StoreContext): InboxStore {
  const { db } = ctx;
  return {
    enqueueWebhook: groupCommit((deliveries) => insertDeliveries(ctx, deliveries)),

    async claimInboxBatch({ owner, now, leaseMs, limit }) {
      const leaseUntil = now + leaseMs;
      return inWriteTransaction(ctx, async (trx) => {
        const candidates = await trx
          .selectFrom('webhook_inbox')
          .select(['account_id', 'ticket_id'])
          .select((eb) => eb.fn.min('received_at').as('oldest'))
          .where(isClaimable(now))
          .groupBy(['account_id', 'ticket_id'])
          .orderBy('oldest')
          .limit(limit * CANDIDATE_FACTOR)
          .execute();
        const chosen = await leaseFreeTickets(ctx, trx, { candidates, owner, now, leaseUntil, limit });
        if (chosen.length === 0) return [];
        const rows = await trx
          .updateTable('webhook_inbox')
          .set((eb) => ({ state: 'processing', lease_owner: owner, lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
          .where(ticketIn(chosen))
          .where(isClaimable(now))
          .returningAll()
          .execute();
        const deliveries = new Map<string, InboxDelivery[]>(chosen.map((k) => [keyOf(k), []]));
        rows.sort((a, b) => millisOf(a.received_at) - millisOf(b.received_at));
        for (const row of rows) deliveries.get(keyOf(row))?.push(inboxRowToDelivery(row));
        return chosen.map(
          (k): ClaimedTicketDeliveries => ({
            accountId: k.account_id,
            ticketId: k.ticket_id,
            leaseUntil,
            deliveries: deliveries.get(keyOf(k)) ?? [],
          }),
        );
      });
    },

    async completeInbox({ owner, accountId, ticketId, deliveryIds, now }) {
      return inWriteTransaction(ctx, async (trx) => {
        const held = await releaseTicketLease(trx, owner, { account_id: accountId, ticket_id: ticketId });
        if (!held) return false;
        if (deliveryIds.length > 0) {
          await trx
            .updateTable('webhook_inbox')
            .set({ state: 'done', finished_at: now, lease_owner: null, lease_until: null, last_error: null })
            .where('account_id', '=', accountId)
            .where('id', 'in', deliveryIds)
            .where('lease_owner', '=', owner)
            .execute();
        }
        return true;
      });
    },

    async releaseInbox({ owner, accountId, ticketId, deliveryIds, now, error, maxAttempts }) {
      return inWriteTransaction(ctx, async (trx) => {
        const held = await releaseTicketLease(trx, owner, { account_id: accountId, ticket_id: ticketId });
        if (!held || deliveryIds.length === 0) return held;
        const rows = await trx
          .selectFrom('webhook_inbox')
          .select(['id', 'attempts'])
          .where('account_id', '=', accountId)
          .where('id', 'in', deliveryIds)
          .where('lease_owner', '=', owner)
          .execute();
        for (const row of rows) {
          const givingUp = row.attempts >= maxAttempts;
          await trx
            .updateTable('webhook_inbox')
            .set({
              state: givingUp ? 'failed' : 'pending',
              not_before: now + retryBackoffMs(row.attempts),
              finished_at: givingUp ? now : null,
              lease_owner: null,
              lease_until: null,
              last_error: error,
            })
            .where('id', '=', row.id)
            .execute();
        }
        return true;
      });
    },

    async purgeFinishedInbox({ finishedBefore, limit }) {
      // Deleting by id through a bounded subquery keeps each purge short, so it never holds up intake for long.
      const result = await db
        .deleteFrom('webhook_inbox')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_inbox')
            .select('id')
            .where('state', 'in', ['done', 'failed'])
            .where('finished_at', '<', finishedBefore)
            .limit(limit),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    async inboxStats() {
      const row = await db
        .selectFrom('webhook_inbox')
        .select((eb) => [eb.fn.countAll().as('pending'), eb.fn.min('received_at').as('oldest')])
        .where('state', 'in', ['pending', 'processing'])
        .executeTakeFirstOrThrow();
      return { pending: Number(row.pending), oldestPendingReceivedAt: row.oldest == null ? null : millisOf(row.oldest) };
    },
  };
}

type NewDelivery = Parameters<InboxStore['enqueueWebhook']>[0];

/**
 * One multi-row insert for a batch of deliveries; a row whose (account, invocation id) is already stored is
 * skipped, and so is a repeat inside the batch (only its first occurrence counts as inserted).
 */
async function insertDeliveries(ctx: StoreContext, deliveries: readonly NewDelivery[]): Promise<{ inserted: boolean }[]> {
  const keyOfDelivery = (d: { accountId: string; invocationId: string }) => JSON.stringify([d.accountId, d.invocationId]);
  const firstOfKey = new Map<string, NewDelivery>();
  for (const delivery of deliveries) if (!firstOfKey.has(keyOfDelivery(delivery))) firstOfKey.set(keyOfDelivery(delivery), delivery);
  const rows = await ctx.db
    .insertInto('webhook_inbox')
    .values(
      [...firstOfKey.values()].map((d) => ({
        id: randomUUID(),
        account_id: d.accountId,
        invocation_id: d.invocationId,
        ticket_id: d.ticketId,
        raw_body: d.rawBody,
        received_at: d.receivedAt,
        state: 'pending' as const,
        not_before: d.receivedAt,
        lease_owner: null,
        lease_until: null,
        last_error: null,
        finished_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'invocation_id']).doNothing())
    .returning(['account_id', 'invocation_id'])
    .execute();
  const inserted = new Set(rows.map((r) => keyOfDelivery({ accountId: r.account_id, invocationId: r.invocation_id })));
  return deliveries.map((d) => ({ inserted: firstOfKey.get(keyOfDelivery(d)) === d && inserted.has(keyOfDelivery(d)) }));
}
