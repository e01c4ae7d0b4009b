import { resolve } from 'node:path';
import pino from 'pino';
import { main as runServer } from '../server/main';
import { startSandbox } from './start-sandbox';

/*
 * The `sla` command. `npm start` runs `sla start`: the server for the Zendesk account in the environment, or,
 * with none configured, the local sandbox so that a newcomer sees the product run.
 */

const ZENDESK_VARIABLES = ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN', 'ZENDESK_OAUTH_TOKEN'];

async function start(env: NodeJS.ProcessEnv): Promise<void> {
  if (ZENDESK_VARIABLES.some((name) => env[name] !== undefined)) {
    await runServer(env);
    return;
  }
  const log = pino({ level: env.LOG_LEVEL ?? 'warn' });
  const sandbox = await startSandbox({
    env: { ...env, PORT: env.PORT ?? '3000' },
    emulatorPort: Number(env.SANDBOX_ZENDESK_PORT ?? '4010'),
    log,
    root: resolve(__dirname, '../..'),
  });
  const { email, apiToken } = sandbox.credentials;
  process.stdout.write(
    [
      'SLA engine sandbox is running (no Zendesk account configured).',
      `  SLA server        ${sandbox.server.url}   (GET /healthz, /readyz, /metrics)`,
      `  Zendesk emulator  ${sandbox.emulator.url}   (API: ${email} / token ${apiToken}; app installed from requirements.json)`,
      '  Try: curl -u "' + `${email}/token:${apiToken}" ${sandbox.emulator.url}/api/v2/ticket_fields.json`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void sandbox.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

const [command = 'start'] = process.argv.slice(2);
const commands: Record<string, () => Promise<void>> = { start: () => start(process.env) };
const run = commands[command];
if (!run) {
  process.stderr.write(`sla: unknown command "${command}". Commands: ${Object.keys(commands).join(', ')}\n`);
  process.exitCode = 2;
} else {
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
