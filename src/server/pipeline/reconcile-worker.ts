import { DateTime } from 'luxon';
import type { Account } from '../store/sla-store';
import { isZendeskError } from '../zendesk/zendesk-errors';
import type { PipelineDeps } from './process-ticket';

/** Pages per account and round: the export allows 10 requests a minute, shared with anything else the admin runs. */
const MAX_PAGES_PER_ROUND = 3;
/** The export's start_time must be at least this old; the last minute comes on the next round. */
const EXPORT_MIN_AGE_MS = 65_000;

/**
 * The sweep that heals deliveries Zendesk never made: read the incremental ticket export from where the last
 * round stopped, and put every ticket that changed after what we last read of it into the inbox, as if its
 * webhook had come (same worker, same idempotence). The invocation id names the ticket's updated_at, so a second
 * sweep over the same change adds nothing.
 */
export async function reconcileAccounts(deps: PipelineDeps): Promise<void> {
  for (const account of await deps.store.listAccounts()) {
    if (!account.zendeskSetup || account.credentials.kind === 'sandbox') continue;
    try {
      await reconcileAccount(deps, account);
    } catch (error) {
      const level = isZendeskError(error, 'rate_limited') || isZendeskError(error, 'unavailable') ? 'warn' : 'error';
      deps.log[level]({ err: error, accountId: account.id }, 'reconciliation sweep stopped; resumes next round');
    }
  }
}

async function reconcileAccount(deps: PipelineDeps, account: Account): Promise<void> {
  const client = deps.zendesk.for(account);
  let cursor = await deps.store.getReconcileCursor(account.id);
  for (let page = 0; page < MAX_PAGES_PER_ROUND; page++) {
    // The first sweep starts at the install: older tickets are not ours to measure unless a webhook brings them.
    // Zendesk refuses a start less than a minute old.
    const position = cursor ? { cursor } : { startTime: Math.floor(Math.min(account.createdAt, deps.clock.now() - EXPORT_MIN_AGE_MS) / 1000) };
    const exported = await client.exportTickets(position);
    for (const ticket of exported.tickets) {
      if (ticket.status === 'deleted') continue;
      const updatedAt = DateTime.fromISO(ticket.updated_at, { zone: 'utc' }).toMillis();
      const state = await deps.store.getTicketState(account.id, ticket.id);
      if (state?.zendeskUpdatedAt != null && state.zendeskUpdatedAt >= updatedAt) continue;
      await deps.store.enqueueWebhook({
        accountId: account.id,
        invocationId: `reconcile:${ticket.id}:${ticket.updated_at}`,
        ticketId: ticket.id,
        rawBody: JSON.stringify({ ticket_id: ticket.id, source: 'reconciliation', updated_at: ticket.updated_at }),
        receivedAt: deps.clock.now(),
      });
    }
    if (exported.after_cursor) {
      cursor = exported.after_cursor;
      await deps.store.saveReconcileCursor(account.id, cursor);
    }
    if (exported.end_of_stream) return;
  }
}
