import type { ClaimedWriteback } from '../store/sla-store';
import { retryBackoffMs } from '../store/retry-backoff';
import type { ZendeskClient } from '../zendesk/zendesk-client';
import { isZendeskError } from '../zendesk/zendesk-errors';
import type { WorkerOptions } from './inbox-worker';
import type { PipelineDeps } from './process-ticket';
import { runBounded } from './run-bounded';
import { ticketShows } from './sla-writeback';

/** A write Zendesk keeps refusing (a field deleted, a closed ticket) is dropped after this many tries, with an error log. */
const MAX_WRITEBACK_ATTEMPTS = 10;

export interface WritebackEvents {
  written?(accountId: string, ticketId: string): void;
  rateLimited?(accountId: string): void;
}

/**
 * One round of write-backs: each claimed ticket's newest desired state goes to Zendesk as one safe update of our
 * fields and tag deltas. 409 (an agent saved meanwhile): re-read, and write again on the fresh stamp unless the
 * ticket already shows it; our fields and tags are ours alone, so the agent's change is never overwritten. 429:
 * wait for Retry-After; 5xx and timeouts: back off.
 */
export async function drainWritebacks(deps: PipelineDeps & { writebackEvents?: WritebackEvents }, options: WorkerOptions): Promise<'more' | 'idle'> {
  const claims = await deps.store.claimWritebacks({ owner: options.owner, now: deps.clock.now(), leaseMs: options.leaseMs, limit: options.batch });
  await runBounded(claims, options.concurrency, (claim) => writeOne(deps, options, claim));
  return claims.length === options.batch ? 'more' : 'idle';
}

async function writeOne(deps: PipelineDeps & { writebackEvents?: WritebackEvents }, options: WorkerOptions, claim: ClaimedWriteback): Promise<void> {
  const key = { owner: options.owner, accountId: claim.accountId, ticketId: claim.ticketId };
  const account = await deps.store.findAccount(claim.accountId);
  if (!account) return void (await deps.store.completeWriteback({ ...key, revision: claim.revision }));
  const client = deps.zendesk.for(account);
  try {
    await writeWithRetryOnConflict(client, claim);
    deps.writebackEvents?.written?.(claim.accountId, claim.ticketId);
    await deps.store.completeWriteback({ ...key, revision: claim.revision });
  } catch (error) {
    const now = deps.clock.now();
    if (isZendeskError(error, 'not_found')) {
      deps.log.info({ ...key }, 'ticket deleted before its write-back');
      return void (await deps.store.completeWriteback({ ...key, revision: claim.revision }));
    }
    if (isZendeskError(error, 'rate_limited')) {
      deps.writebackEvents?.rateLimited?.(claim.accountId);
      return void (await deps.store.retryWriteback({ ...key, notBefore: now + (error.retryAfterMs ?? 60_000), error: error.message }));
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!isZendeskError(error, 'unavailable') && claim.attempts >= MAX_WRITEBACK_ATTEMPTS) {
      deps.log.error({ err: error, ...key }, 'write-back refused repeatedly; dropped');
      return void (await deps.store.completeWriteback({ ...key, revision: claim.revision }));
    }
    deps.log.warn({ err: error, ...key, attempts: claim.attempts }, 'write-back failed; will retry');
    await deps.store.retryWriteback({ ...key, notBefore: now + retryBackoffMs(claim.attempts), error: message });
  }
}

/** Two conflicts in a row mean a busy ticket: hand it back and try again on the next round. */
async function writeWithRetryOnConflict(client: ZendeskClient, claim: ClaimedWriteback): Promise<void> {
  let desired = claim.desired;
  for (let attempt = 0; ; attempt++) {
    try {
      await client.updateTicket({ ticketId: claim.ticketId, desired });
      return;
    } catch (error) {
      if (!isZendeskError(error, 'conflict') || attempt >= 1) throw error;
      const fresh = await client.getTicket(claim.ticketId);
      if (ticketShows(fresh, desired)) return;
      desired = { ...desired, updatedStamp: fresh.updated_at };
    }
  }
}
