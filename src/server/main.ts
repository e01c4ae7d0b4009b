import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Settings } from 'luxon';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock } from './clock';
import { loadConfig, type Environment, type ServerConfig } from './config';
import { buildHttpServer } from './http/build-http-server';
import { createServerMetrics, type ServerMetrics } from './http/server-metrics';
import type { RunningLoop } from './jobs/run-every';
import { openStore } from './store/open-store';
import type { SlaStore } from './store/sla-store';
import { startPipeline } from './pipeline/start-pipeline';
import { startAccountSetup } from './zendesk/account-setup-loop';

declare module 'luxon' {
  interface TSSettings {
    throwOnInvalid: true;
  }
}
// Never the machine's zone, never a silently invalid DateTime (STYLE §6.1).
Settings.throwOnInvalid = true;
Settings.defaultZone = 'utc';

export interface RunningServer {
  readonly url: string;
  readonly store: SlaStore;
  /** Who this process is when it claims work (`lease_owner`). */
  readonly leaseOwner: string;
  /** Stops taking requests, stops the loops, hands back this process's leases, closes the store. */
  stop(): Promise<void>;
}

export interface JobContext {
  readonly store: SlaStore;
  readonly clock: Clock;
  readonly log: Logger;
  readonly leaseOwner: string;
  /** The registry /metrics shows; the jobs count into it. */
  readonly metrics?: ServerMetrics;
}

export interface StartOptions {
  readonly log: Logger;
  readonly clock?: Clock;
  /** Starts the background loops (inbox, scheduler, write-back); they are stopped before leases are handed back. */
  readonly startJobs?: (context: JobContext) => readonly RunningLoop[];
}

/** Everything but reading `process.env` and signals, so tests can start and stop a real server. */
export async function startServer(config: ServerConfig, { log, clock = systemClock, startJobs = () => [] }: StartOptions): Promise<RunningServer> {
  if (config.encryptionKey.source === 'sandbox_dev_key') log.warn('sandbox mode: secrets are sealed with the public dev key');
  const store = await openStore({ ...config, onConnectionLost: (error) => log.warn({ err: error }, 'a pooled PostgreSQL connection was closed; the next query opens another') });
  try {
    await saveConfiguredAccount(config, store, clock);
    const metrics = createServerMetrics({ store, clock });
    const app = await buildHttpServer({ config, store, clock, log }, metrics);
    const url = await app.listen({ port: config.port, host: config.host });
    const leaseOwner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
    const loops = startJobs({ store, clock, log, leaseOwner, metrics });
    let stopping: Promise<void> | null = null;
    const stop = async (): Promise<void> => {
      await app.close();
      await Promise.all(loops.map((loop) => loop.stop()));
      await store.releaseLeases(leaseOwner);
      await store.close();
    };
    return { url, store, leaseOwner, stop: () => (stopping ??= stop()) };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** The account named in the environment; a webhook secret stored by the setup step is kept if the env has none. */
async function saveConfiguredAccount(config: ServerConfig, store: SlaStore, clock: Clock): Promise<void> {
  if (config.zendesk.mode !== 'account') return;
  const { subdomain, auth, webhookSecret, url } = config.zendesk;
  const existing = await store.findAccountBySubdomain(subdomain);
  await store.saveAccount({
    subdomain,
    credentials: auth,
    webhookSecret: webhookSecret ?? existing?.webhookSecret ?? null,
    appSharedSecret: config.appSharedSecret ?? existing?.appSharedSecret ?? null,
    settings: existing?.settings ?? {},
    zendeskUrl: url,
    now: clock.now(),
  });
}

export async function main(env: Environment = process.env): Promise<void> {
  const loaded = loadConfig(env);
  if (!loaded.ok) {
    for (const error of loaded.errors) process.stderr.write(`config: ${error.message}\n`);
    process.exitCode = 1;
    return;
  }
  const log = pino({ level: loaded.value.logLevel });
  const config = loaded.value;
  const server = await startServer(config, {
    log,
    startJobs: (context) => [...startPipeline(context, { leaseMs: config.workerLeaseMs, writebackWindowMs: config.writebackWindowMs }), ...startAccountSetup(config, context)],
  });
  log.info({ url: server.url, mode: loaded.value.zendesk.mode, database: loaded.value.database.kind }, 'SLA server listening');
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.stop().then(
      () => log.info('stopped'),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exitCode = 1;
      },
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
