import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { seedSandbox, SEED_HISTORY_MS, type SandboxSeed } from '../sandbox/desk/seed/seed-sandbox';
import { startAgentDesk, type RunningAgentDesk } from '../sandbox/desk/start-agent-desk';
import { DEFAULT_SEED, startZendeskEmulator, type RunningZendeskEmulator } from '../sandbox/emulator';
import { loadConfig, type Environment, type ServerConfig } from '../server/config';
import { startServer, type RunningServer } from '../server/main';

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
    const server = await startServer(config, { log: options.log, clock: emulator.clock });
    stops.push(() => server.stop());
    await connectServer({ server, config, credentials, now: emulator.clock.now() });
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
 * What the server's own setup will do for a real account, as far as it exists today: the server learns the
 * account (subdomain "sandbox", the emulator's API credentials, the app's shared secret), so the sidebar's signed
 * calls are accepted.
 *
 * Seam for the server wiring (issue #3): its setup step belongs here, after this: point the `sla_server` webhook at
 * `${server.url}/zendesk/webhooks/ticket-events`, read its signing secret, create the "SLA: notify server"
 * trigger, and seed the default schedule and policies (the VIP policy names `seed.organizations.vip`).
 */
async function connectServer(input: { server: RunningServer; config: ServerConfig; credentials: { email: string; apiToken: string }; now: number }): Promise<void> {
  await input.server.store.saveAccount({
    subdomain: 'sandbox',
    credentials: { kind: 'api_token', email: input.credentials.email, token: input.credentials.apiToken },
    webhookSecret: null,
    appSharedSecret: input.config.appSharedSecret,
    now: input.now,
  });
}
