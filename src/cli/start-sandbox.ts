import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { seedSandbox, SEED_HISTORY_MS, type SandboxSeed } from '../sandbox/desk/seed/seed-sandbox';
import { startAgentDesk, type RunningAgentDesk } from '../sandbox/desk/start-agent-desk';
import { DEFAULT_SEED, startZendeskEmulator, type RunningZendeskEmulator } from '../sandbox/emulator';
import { loadConfig, type Environment, type ServerConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/main';
import { startPipeline } from '../server/pipeline/start-pipeline';
import { setUpAccount, type Requirements } from '../server/zendesk/account-setup';
import { ZendeskClients } from '../server/zendesk/zendesk-clients';
import { sandboxPolicies, SANDBOX_SCHEDULE } from './sandbox-rules';

export interface SandboxOptions {
  /** The environment the companion server reads (PORT, HOST, DATABASE_URL, LOG_LEVEL); no ZENDESK_* variables. */
  readonly env: Environment;
  readonly emulatorPort: number;
  readonly deskPort: number;
  readonly log: Logger;
  /** The project root, where requirements.json lives. */
  readonly root: string;
  /** The built app the desk hosts. */
  readonly appDistDir: string;
  /** Demo data seed: the same seed gives the same account. */
  readonly seed?: number;
}

export interface RunningSandbox {
  readonly emulator: RunningZendeskEmulator;
  readonly server: RunningServer;
  readonly desk: RunningAgentDesk;
  readonly seed: SandboxSeed;
  readonly credentials: { readonly email: string; readonly apiToken: string };
  stop(): Promise<void>;
}

/** The emulator forgets everything when it stops, so the server's memory of it (this file) is started afresh. */
const SANDBOX_DATABASE = 'sqlite:./data/sandbox.db';

/**
 * The product without a Zendesk account: the Zendesk emulator seeded with a demo account (the app installed from
 * requirements.json as a real install would, people, three days of tickets), the companion server on SQLite
 * sharing the emulator's clock, and the agent desk hosting the app, with the server as its `serverUrl`.
 */
export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const config = sandboxConfig(options.env);
  const credentials = { email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] as string };
  const now = Date.now();
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const close of stops.reverse()) await close();
  };
  try {
    // The clock starts in the past so the seed can play three days of history at their own times.
    const emulator = await startZendeskEmulator({ port: options.emulatorPort, clock: { start: now - SEED_HISTORY_MS - 60_000 } });
    stops.push(() => emulator.close());
    const requirements = JSON.parse(fs.readFileSync(path.join(options.root, 'requirements.json'), 'utf8')) as Record<string, unknown>;
    const seed = await seedSandbox({ emulatorUrl: emulator.url, credentials, requirements, seed: options.seed ?? 1, now });
    const server = await startServer(config, { log: options.log, clock: emulator.clock, startJobs: (context) => startPipeline(context, { writebackWindowMs: config.writebackWindowMs }) });
    stops.push(() => server.stop());
    await connectServer({ server, config, credentials, emulatorUrl: emulator.url, seed, requirements: requirements as Requirements, clock: emulator.clock, log: options.log });
    const desk = await startAgentDesk({
      emulatorUrl: emulator.url,
      credentials,
      agentEmail: seed.agents[0]?.email,
      appDistDir: options.appDistDir,
      installation: { id: seed.installationId, appId: seed.appId },
      // The manifest's domainWhitelist names localhost: the proxy refuses secure requests to any other host.
      appSettings: { serverUrl: server.url.replace('://127.0.0.1', '://localhost'), sharedSecret: config.appSharedSecret as string },
      port: options.deskPort,
      now: emulator.clock.now,
    });
    stops.push(() => desk.close());
    return { emulator, server, desk, seed, credentials, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function sandboxConfig(env: Environment): ServerConfig {
  const config = loadConfig({ ...env, DATABASE_URL: env.DATABASE_URL ?? SANDBOX_DATABASE });
  if (!config.ok) throw new Error(config.errors.map((e) => e.message).join('\n'));
  if (config.value.zendesk.mode !== 'sandbox') throw new Error('the sandbox runs only when no Zendesk account is configured');
  const { database } = config.value;
  if (env.DATABASE_URL === undefined && database.kind === 'sqlite') {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${database.file}${suffix}`, { force: true });
    fs.mkdirSync(path.dirname(database.file), { recursive: true });
  }
  return config.value;
}

/**
 * Connects the server to the sandbox account as the setup step connects a real one: the server learns the account
 * (subdomain "sandbox", the emulator's URL and API credentials, the app's shared secret), points the app's webhook
 * at itself, stores its signing secret and creates the "SLA: notify server" trigger; then the demo schedule and
 * policies are saved, and the seeded tickets (played before the webhook pointed here) are queued as if Zendesk had
 * just told the server about them.
 */
async function connectServer(input: {
  server: RunningServer;
  config: ServerConfig;
  credentials: { email: string; apiToken: string };
  emulatorUrl: string;
  seed: SandboxSeed;
  requirements: Requirements;
  clock: { now(): number };
  log: Logger;
}): Promise<void> {
  const { server, seed, clock } = input;
  const account = await server.store.saveAccount({
    subdomain: 'sandbox',
    credentials: { kind: 'api_token', email: input.credentials.email, token: input.credentials.apiToken },
    webhookSecret: null,
    appSharedSecret: input.config.appSharedSecret,
    zendeskUrl: input.emulatorUrl,
    now: clock.now(),
  });
  await setUpAccount({
    store: server.store,
    client: new ZendeskClients(clock).for(account),
    account,
    installationId: String(seed.installationId),
    publicUrl: server.url,
    requirements: input.requirements,
    now: clock.now(),
    log: input.log,
  });
  const schedule = await server.store.saveSchedule({ accountId: account.id, ...SANDBOX_SCHEDULE, now: clock.now() });
  if (schedule.kind !== 'saved') throw new Error(`sandbox schedule not saved: ${schedule.kind}`);
  for (const body of sandboxPolicies(schedule.value.id, String(seed.organizations.vip))) {
    await server.store.savePolicy({ accountId: account.id, body, authorId: null, now: clock.now() });
  }
  for (const ticketId of seed.ticketIds) {
    await server.store.enqueueWebhook({
      accountId: account.id,
      invocationId: `sandbox-seed:${ticketId}`,
      ticketId: String(ticketId),
      rawBody: JSON.stringify({ ticket_id: String(ticketId), source: 'sandbox_seed' }),
      receivedAt: clock.now(),
    });
  }
}
