import type { DueTicket } from '../store/sla-store';
import type { WorkerOptions } from './inbox-worker';
import { processTicket, type PipelineDeps } from './process-ticket';
import { runBounded } from './run-bounded';

/**
 * One round of the scheduler: tickets whose next check (a warning window opening, a due time passing) has come,
 * oldest first, so after downtime the missed wake-ups are handled in the order they were due. The stored history
 * is re-assessed at now: no Zendesk read, and a write only if what the ticket shows changes (a breach tag).
 */
export async function runDueChecks(deps: PipelineDeps, options: WorkerOptions): Promise<'more' | 'idle'> {
  const due = await deps.store.claimDueTickets({ owner: options.owner, now: deps.clock.now(), leaseMs: options.leaseMs, limit: options.batch });
  await runBounded(due, options.concurrency, (ticket) => checkTicket(deps, options, ticket));
  return due.length === options.batch ? 'more' : 'idle';
}

async function checkTicket(deps: PipelineDeps, options: WorkerOptions, due: DueTicket): Promise<void> {
  const release = { owner: options.owner, accountId: due.accountId, ticketId: due.ticketId };
  try {
    const outcome = await processTicket(deps, { ...release, readZendesk: false });
    if (outcome.kind === 'lease_lost') return;
  } catch (error) {
    // The ticket keeps its next check, so it is claimed again once the lease is released.
    deps.log.error({ err: error, ...release }, 'due check failed; will retry');
  }
  await deps.store.releaseTicket(release);
}
