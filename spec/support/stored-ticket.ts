import type { TicketEvent } from '../../src/core/ticket/ticket-event';
import type { SlaStore } from '../../src/server/store/sla-store';

/**
 * Gives an account a ticket the way the pipeline does: its history appended, then a webhook delivery claimed and
 * completed (which is what creates the ticket's state row). No assessment is saved: readers of the history
 * assess it themselves.
 */
export async function storeTicket(store: SlaStore, input: { accountId: string; ticketId: string; history: readonly TicketEvent[]; now: number }): Promise<void> {
  const { accountId, ticketId, now } = input;
  await store.appendTicketEvents({ accountId, ticketId, events: input.history.map((event, i) => ({ sourceId: `seed:${ticketId}:${i}`, event })) });
  await store.enqueueWebhook({ accountId, invocationId: `seed:${accountId}:${ticketId}:${now}`, ticketId, rawBody: '{}', receivedAt: now });
  const claims = await store.claimInboxBatch({ owner: 'seed', now, leaseMs: 60_000, limit: 1000 });
  for (const claim of claims) {
    await store.completeInbox({ owner: 'seed', accountId: claim.accountId, ticketId: claim.ticketId, deliveryIds: claim.deliveries.map((d) => d.id), now });
  }
}
