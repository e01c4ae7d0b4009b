import { DateTime } from 'luxon';
import type { ClaimedTicketDeliveries, InboxDelivery } from '../store/sla-store';
import { isZendeskError } from '../zendesk/zendesk-errors';
import { processTicket, type PipelineDeps, type TicketWork } from './process-ticket';
import { runBounded } from './run-bounded';

export interface WorkerOptions {
  readonly owner: string;
  readonly leaseMs: number;
  /** Tickets per claim. */
  readonly batch: number;
  /** Tickets processed at once (each waits on Zendesk and the database, not the CPU). */
  readonly concurrency: number;
}

/**
 * After this many failed attempts a delivery is set aside as `failed` (kept, never deleted, for an operator), so one
 * poisonous ticket cannot take a worker's time forever. Zendesk being unavailable or rate limiting us is not
 * the delivery's fault and does not count towards it.
 */
export const MAX_INBOX_ATTEMPTS = 8;
const TRANSIENT_ATTEMPTS = Number.MAX_SAFE_INTEGER;

/** One round of the inbox: claim tickets with deliveries, process each once for all its deliveries, release. */
export async function drainInbox(deps: PipelineDeps, options: WorkerOptions): Promise<'more' | 'idle'> {
  const claims = await deps.store.claimInboxBatch({ owner: options.owner, now: deps.clock.now(), leaseMs: options.leaseMs, limit: options.batch });
  await runBounded(claims, options.concurrency, (claim) => processClaim(deps, options, claim));
  return claims.length === options.batch ? 'more' : 'idle';
}

/**
 * The latest change the deliveries announce and who made them, from our trigger's payload
 * (`{"ticket_id", "updated_at", "updated_by"}`); null if any delivery does not say (a reconciliation or seed entry,
 * an older trigger), so that the ticket is read.
 */
export function whatWasDelivered(deliveries: readonly InboxDelivery[]): TicketWork['delivered'] {
  let updatedAt = -Infinity;
  const byUserIds: string[] = [];
  for (const delivery of deliveries) {
    let at: number;
    let by: unknown;
    try {
      const body = JSON.parse(delivery.rawBody) as Record<string, unknown> | null;
      by = body?.updated_by;
      // luxon throws on an invalid date here (Settings.throwOnInvalid): that, too, means "read the ticket".
      const parsed = typeof body?.updated_at === 'string' ? DateTime.fromISO(body.updated_at, { zone: 'utc' }) : null;
      if (!parsed?.isValid) return null;
      at = parsed.toMillis();
    } catch {
      return null;
    }
    if (typeof by !== 'string' || by === '') return null;
    updatedAt = Math.max(updatedAt, at);
    byUserIds.push(by);
  }
  return byUserIds.length === 0 ? null : { updatedAt, byUserIds };
}

async function processClaim(deps: PipelineDeps, options: WorkerOptions, claim: ClaimedTicketDeliveries): Promise<void> {
  const release = { owner: options.owner, accountId: claim.accountId, ticketId: claim.ticketId, deliveryIds: claim.deliveries.map((d) => d.id) };
  try {
    const outcome = await processTicket(deps, {
      accountId: claim.accountId,
      ticketId: claim.ticketId,
      owner: options.owner,
      readZendesk: true,
      delivered: whatWasDelivered(claim.deliveries),
    });
    if (outcome.kind === 'lease_lost') return;
    await deps.store.completeInbox({ ...release, now: deps.clock.now() });
  } catch (error) {
    const transient = isZendeskError(error, 'rate_limited') || isZendeskError(error, 'unavailable');
    deps.log[transient ? 'warn' : 'error']({ err: error, accountId: claim.accountId, ticketId: claim.ticketId }, 'ticket update not processed; will retry');
    await deps.store.releaseInbox({
      ...release,
      now: deps.clock.now(),
      error: error instanceof Error ? error.message : String(error),
      maxAttempts: transient ? TRANSIENT_ATTEMPTS : MAX_INBOX_ATTEMPTS,
    });
  }
}
