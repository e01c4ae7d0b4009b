import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { startZendeskEmulator, type RunningZendeskEmulator } from '../sandbox/emulator';
import { DEFAULT_SEED } from '../sandbox/emulator/state/seed-account';
import { loadConfig, type Environment } from '../server/config';
import { startServer, type RunningServer } from '../server/main';

export interface SandboxOptions {
  /** The environment the companion server reads (PORT, HOST, DATABASE_URL, LOG_LEVEL); no ZENDESK_* variables. */
  readonly env: Environment;
  readonly emulatorPort: number;
  readonly log: Logger;
  /** The project root, where requirements.json lives. */
  readonly root: string;
}

export interface RunningSandbox {
  readonly emulator: RunningZendeskEmulator;
  readonly server: RunningServer;
  readonly credentials: { readonly email: string; readonly apiToken: string };
  stop(): Promise<void>;
}

/**
 * The product without a Zendesk account: the Zendesk emulator with the app installed from requirements.json as a
 * real install would (ticket fields, webhook, email triggers), and the companion server on SQLite beside it.
 */
export async function startSandbox({ env, emulatorPort, log, root }: SandboxOptions): Promise<RunningSandbox> {
  const config = loadConfig(env);
  if (!config.ok) throw new Error(config.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  if (config.value.zendesk.mode !== 'sandbox') throw new Error('the sandbox runs only when no Zendesk account is configured');
  const emulator = await startZendeskEmulator({ port: emulatorPort });
  try {
    const requirements = JSON.parse(readFileSync(join(root, 'requirements.json'), 'utf8')) as Parameters<typeof emulator.admin.installApp>[0];
    emulator.admin.installApp(requirements, { appName: 'SLA Clock' });
    const server = await startServer(config.value, { log });
    const stop = async () => {
      await server.stop();
      await emulator.close();
    };
    return { emulator, server, credentials: { email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] as string }, stop };
  } catch (error) {
    await emulator.close();
    throw error;
  }
}
