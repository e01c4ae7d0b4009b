import type { JobContext } from '../main';
import { runEvery, type RunningLoop } from '../jobs/run-every';
import { countZendeskResponses, pipelineMetricEvents, type AssessmentSource } from '../http/server-metrics';
import { ZendeskClients } from '../zendesk/zendesk-clients';
import { AccountRulesCache } from './account-rules';
import { drainInbox, type WorkerOptions } from './inbox-worker';
import type { PipelineDeps, PipelineEvents } from './process-ticket';
import { reconcileAccounts } from './reconcile-worker';
import { runDueChecks } from './scheduler-worker';
import { UserDirectory } from './user-directory';
import { drainWritebacks, type WritebackEvents } from './writeback-worker';

export interface PipelineOptions {
  /** How often each loop looks for work when the last round found none. */
  readonly inboxIntervalMs?: number;
  /** The scheduler's resolution: a breach is written at most about this long after it is due (plus the write). */
  readonly schedulerIntervalMs?: number;
  readonly writebackIntervalMs?: number;
  /** 0 turns the reconciliation sweep off (the sandbox, whose emulator always delivers). */
  readonly reconcileIntervalMs?: number;
  readonly events?: PipelineEvents & WritebackEvents;
  /** How long a claim lasts (see ServerConfig.workerLeaseMs). */
  readonly leaseMs?: number;
  /** See ServerConfig.writebackWindowMs; 0 (the default) writes at once. */
  readonly writebackWindowMs?: number;
}

const DONE_INBOX_KEPT_MS = 7 * 24 * 60 * 60_000;

/**
 * The server's background work, as `startServer`'s `startJobs`: the inbox (webhooks in), the scheduler (due
 * checks), the write-back outbox (updates out), the reconciliation sweep, and the purge of old inbox rows. Every
 * loop claims its work with leases in the database, so several processes share it and a dead one's work is
 * taken over when its leases run out.
 */
export function startPipeline(context: JobContext, options: PipelineOptions = {}): RunningLoop[] {
  const { store, clock, log, leaseOwner } = context;
  const deps: PipelineDeps & { writebackEvents?: WritebackEvents } = {
    store,
    clock,
    log,
    zendesk: new ZendeskClients(clock, context.metrics && countZendeskResponses(context.metrics)),
    rules: new AccountRulesCache(store, log),
    users: new UserDirectory(),
    writebackWindowMs: options.writebackWindowMs ?? 0,
    ...(options.events ? { events: options.events, writebackEvents: options.events } : {}),
  };
  // The same loops, counting into the server's metrics, each under the source of its assessments.
  const counted = (source: AssessmentSource) => {
    if (!context.metrics) return deps;
    const events = pipelineMetricEvents(context.metrics, source, options.events);
    return { ...deps, events, writebackEvents: events };
  };
  const [inboxDeps, schedulerDeps] = [counted('inbox'), counted('scheduler')];
  const worker: WorkerOptions = { owner: leaseOwner, leaseMs: options.leaseMs ?? 60_000, batch: 20, concurrency: 8 };
  // A window's write-backs are claimed together so that one update_many (at most 100 tickets) carries them.
  const writer: WorkerOptions = { ...worker, batch: 100 };
  const onError = (error: unknown, name: string) => log.error({ err: error, loop: name }, 'background loop round failed');
  const loops = [
    runEvery({ name: 'inbox', intervalMs: options.inboxIntervalMs ?? 200, task: () => drainInbox(inboxDeps, worker), onError }),
    runEvery({ name: 'scheduler', intervalMs: options.schedulerIntervalMs ?? 1_000, task: () => runDueChecks(schedulerDeps, worker), onError }),
    runEvery({ name: 'writeback', intervalMs: options.writebackIntervalMs ?? 250, task: () => drainWritebacks(inboxDeps, writer), onError }),
    runEvery({
      name: 'inbox-purge',
      intervalMs: 60 * 60_000,
      task: async () => ((await store.purgeFinishedInbox({ finishedBefore: clock.now() - DONE_INBOX_KEPT_MS, limit: 5_000 })) === 5_000 ? 'more' : 'idle'),
      onError,
    }),
  ];
  const reconcileMs = options.reconcileIntervalMs ?? 5 * 60_000;
  if (reconcileMs > 0) loops.push(runEvery({ name: 'reconcile', intervalMs: reconcileMs, task: () => reconcileAccounts(deps), onError }));
  return loops;
}
