import type { ClaimedWriteback } from '../store/sla-store';
import { retryBackoffMs } from '../store/retry-backoff';
import type { ZendeskClient } from '../zendesk/zendesk-client';
import { isZendeskError } from '../zendesk/zendesk-errors';
import type { WorkerOptions } from './inbox-worker';
import type { PipelineDeps } from './process-ticket';
import { noteBatchWrites } from './batch-write-check';
import { budgetAlertsBeforeWrite, type WriteClaim } from './objective-budget-alerts';
import { runBounded } from './run-bounded';
import { ticketShows } from './sla-writeback';
import { auditChangesHistory } from './zendesk-history';
import type { ZendeskAudit, ZendeskTicket } from '../zendesk/zendesk-json';
import { DateTime } from 'luxon';

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
export async function drainWritebacks(deps: WritebackDeps, options: WorkerOptions): Promise<'more' | 'idle'> {
  const claims = await deps.store.claimWritebacks({ owner: options.owner, now: deps.clock.now(), leaseMs: options.leaseMs, limit: options.batch });
  const byAccount = new Map<string, ClaimedWriteback[]>();
  for (const claim of claims) byAccount.set(claim.accountId, [...(byAccount.get(claim.accountId) ?? []), claim]);
  const singles: WriteClaim[] = [];
  for (const [accountId, claimed] of byAccount) {
    const group = await budgetAlertsBeforeWrite(deps, accountId, claimed);
    // Several tickets of one account at once (the scheduler's breach tags on a busy morning): one update_many
    // spends one call of the account's update budget instead of one per ticket.
    if (group.length >= MIN_BATCH) singles.push(...(await writeBatch(deps, options, group)));
    else singles.push(...group);
  }
  await runBounded(singles, options.concurrency, (claim) => writeOne(deps, options, claim));
  return claims.length === options.batch ? 'more' : 'idle';
}

type WritebackDeps = PipelineDeps & { writebackEvents?: WritebackEvents; sleep?: (ms: number) => Promise<void> };

/** The once tags a finished write leaves written: those it carried, and those an earlier attempt wrote. */
const onceTagsDoneOf = (claim: WriteClaim): string[] => [...(claim.desired.onceTags ?? []), ...(claim.onceTagsWritten ?? [])];

/**
 * Two tickets of one account already save a call of its update budget as one update_many. A ticket alone goes as a
 * safe update, which answers at once with its audit: no job to wait for, and no read to vouch for its echo.
 */
const MIN_BATCH = 2;
/** update_many runs as a background job: how often and how long to wait for it before handing the work back. */
const JOB_POLL_MS = 250;
const JOB_WAIT_MS = 20_000;

/**
 * One update_many for the group; returns the claims to write one by one instead: those the job refused for a
 * conflict (an agent saved meanwhile: the single path re-reads and retries). Other refusals are retried later;
 * if the job cannot be started or watched, the whole group is handed back.
 */
async function writeBatch(deps: WritebackDeps, options: WorkerOptions, group: readonly WriteClaim[]): Promise<WriteClaim[]> {
  const account = await deps.store.findAccount(group[0]?.accountId ?? '');
  if (!account) return [...group];
  const client = deps.zendesk.for(account);
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const keyOf = (claim: ClaimedWriteback) => ({ owner: options.owner, accountId: claim.accountId, ticketId: claim.ticketId });
  try {
    let job = await client.updateMany(group.map((claim) => ({ ticketId: claim.ticketId, desired: claim.desired })));
    for (let waited = 0; job.status !== 'completed' && job.status !== 'failed' && job.status !== 'killed'; waited += JOB_POLL_MS) {
      if (waited >= JOB_WAIT_MS) throw new Error(`update_many job ${job.id} still ${job.status} after ${JOB_WAIT_MS} ms`);
      await sleep(JOB_POLL_MS);
      job = await client.getJobStatus(job.id);
    }
    const results = new Map((job.results ?? []).map((r) => [r.id, r]));
    // Before the rows go (while they are leased, the inbox holds these tickets' webhooks back): note which tickets
    // show only our write, so their echoes need no read.
    const written = group.filter((claim) => results.get(claim.ticketId)?.success === true);
    try {
      await noteBatchWrites(deps, account, client, written);
    } catch (error) {
      deps.log.warn({ err: error, accountId: account.id }, 'could not check the update_many tickets; their webhooks will be read');
    }
    const again: WriteClaim[] = [];
    for (const claim of group) {
      const result = results.get(claim.ticketId);
      if (result?.success === true) {
        deps.writebackEvents?.written?.(claim.accountId, claim.ticketId);
        await deps.store.completeWriteback({ ...keyOf(claim), revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) });
      } else if (result?.error === 'UpdateConflict' || result === undefined) {
        again.push(claim);
      } else if (result.error === 'RecordNotFound') {
        await deps.store.completeWriteback({ ...keyOf(claim), revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) });
      } else {
        const error = `update_many refused ticket ${claim.ticketId}: ${result.error ?? ''} ${result.details ?? ''}`;
        await deps.store.retryWriteback({ ...keyOf(claim), notBefore: deps.clock.now() + retryBackoffMs(claim.attempts), error });
      }
    }
    return again;
  } catch (error) {
    if (isZendeskError(error, 'rate_limited')) deps.writebackEvents?.rateLimited?.(account.id);
    const notBefore = deps.clock.now() + (isZendeskError(error, 'rate_limited') ? (error.retryAfterMs ?? 60_000) : retryBackoffMs(1));
    deps.log.warn({ err: error, accountId: account.id, tickets: group.length }, 'update_many failed; the tickets will be written again');
    for (const claim of group) {
      await deps.store.retryWriteback({ ...keyOf(claim), notBefore, error: error instanceof Error ? error.message : String(error) });
    }
    return [];
  }
}

async function writeOne(deps: WritebackDeps, options: WorkerOptions, claim: WriteClaim): Promise<void> {
  const key = { owner: options.owner, accountId: claim.accountId, ticketId: claim.ticketId };
  const account = await deps.store.findAccount(claim.accountId);
  if (!account) return void (await deps.store.completeWriteback({ ...key, revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) }));
  const client = deps.zendesk.for(account);
  try {
    const written = await writeWithRetryOnConflict(client, claim);
    deps.writebackEvents?.written?.(claim.accountId, claim.ticketId);
    if (written && claim.desired.updatedStamp && !auditChangesHistory(written.audit, { ticket: written.ticket, ownFieldIds: new Set(Object.values(account.zendeskSetup?.fieldIds ?? {})) })) {
      // Our safe update landed on the very version we had read, and it (with the triggers it fired) changed only
      // our fields and tags: the webhook it causes brings nothing new, so the worker need not read the ticket again.
      // Noted while the row is still leased: the inbox holds the echo back until then.
      await deps.store.noteOwnWrite({
        accountId: claim.accountId,
        ticketId: claim.ticketId,
        readAt: DateTime.fromISO(claim.desired.updatedStamp, { zone: 'utc' }).toMillis(),
        writtenAt: DateTime.fromISO(written.ticket.updated_at, { zone: 'utc' }).toMillis(),
      });
    }
    await deps.store.completeWriteback({ ...key, revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) });
  } catch (error) {
    const now = deps.clock.now();
    if (isZendeskError(error, 'not_found')) {
      deps.log.info({ ...key }, 'ticket deleted before its write-back');
      return void (await deps.store.completeWriteback({ ...key, revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) }));
    }
    if (isZendeskError(error, 'rate_limited')) {
      deps.writebackEvents?.rateLimited?.(claim.accountId);
      return void (await deps.store.retryWriteback({ ...key, notBefore: now + (error.retryAfterMs ?? 60_000), error: error.message }));
    }
    const message = error instanceof Error ? error.message : String(error);
    if (!isZendeskError(error, 'unavailable') && claim.attempts >= MAX_WRITEBACK_ATTEMPTS) {
      deps.log.error({ err: error, ...key }, 'write-back refused repeatedly; dropped');
      return void (await deps.store.completeWriteback({ ...key, revision: claim.revision, onceTagsDone: onceTagsDoneOf(claim) }));
    }
    deps.log.warn({ err: error, ...key, attempts: claim.attempts }, 'write-back failed; will retry');
    await deps.store.retryWriteback({ ...key, notBefore: now + retryBackoffMs(claim.attempts), error: message });
  }
}

/**
 * Two conflicts in a row mean a busy ticket: hand it back and try again on the next round. Returns the write's
 * answer when it landed on the version the desired state was computed from; null after a conflict (someone else's
 * change came in between and is not ours to vouch for) or when the ticket already showed it.
 */
async function writeWithRetryOnConflict(client: ZendeskClient, claim: ClaimedWriteback): Promise<{ ticket: ZendeskTicket; audit: ZendeskAudit } | null> {
  let desired = claim.desired;
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await client.updateTicket({ ticketId: claim.ticketId, desired });
      return attempt === 0 && answer.audit ? { ticket: answer.ticket, audit: answer.audit } : null;
    } catch (error) {
      if (!isZendeskError(error, 'conflict') || attempt >= 1) throw error;
      const fresh = await client.getTicket(claim.ticketId);
      if (ticketShows(fresh, desired)) return null;
      desired = { ...desired, updatedStamp: fresh.updated_at };
    }
  }
}
