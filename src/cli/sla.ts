import path from 'node:path';
import pino from 'pino';
import { main as runServer } from '../server/main';
import { ensureAppBuilt } from './app-build';
import { backtestCommand } from './backtest';
import { startSandbox } from './start-sandbox';

/*
 * The `sla` command (`npx tsx src/cli/sla.ts <command>`; `npm start` runs `sla start`).
 *   start    the server for the Zendesk account in the environment or, with none configured, the sandbox
 *   sandbox  the sandbox: Zendesk emulator + demo data + companion server + agent desk, one URL to open
 *   serve    the companion server alone (reads ZENDESK_*, DATABASE_URL, PORT, ...)
 *   backtest replay a period's tickets under a draft of the policies (`sla backtest --help` shows the options)
 */

const ROOT = path.resolve(__dirname, '../..');
const ZENDESK_VARIABLES = ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN', 'ZENDESK_OAUTH_TOKEN'];
const say = (line: string) => process.stderr.write(`${line}\n`);

async function sandbox(env: NodeJS.ProcessEnv): Promise<void> {
  if (ZENDESK_VARIABLES.some((name) => env[name] !== undefined)) {
    throw new Error(`the sandbox runs without a Zendesk account; unset ${ZENDESK_VARIABLES.filter((n) => env[n] !== undefined).join(', ')} or run "sla serve"`);
  }
  const startedAt = Date.now();
  // SLA_APP_DIST_DIR serves an app built elsewhere as it is (tests); otherwise dist/, built when missing or stale.
  const appDistDir = env.SLA_APP_DIST_DIR ? path.resolve(env.SLA_APP_DIST_DIR) : (await ensureAppBuilt(ROOT, say), path.join(ROOT, 'dist'));
  const running = await startSandbox({
    env: { ...env, PORT: env.PORT ?? '3001', LOG_LEVEL: env.LOG_LEVEL ?? 'error' },
    emulatorPort: Number(env.SANDBOX_ZENDESK_PORT ?? '4010'),
    deskPort: Number(env.SANDBOX_DESK_PORT ?? '3000'),
    // Logs go to stderr, and only errors unless asked: stdout is the URL and what to try.
    log: pino({ level: env.LOG_LEVEL ?? 'error' }, pino.destination(2)),
    root: ROOT,
    appDistDir,
    seed: Number(env.SANDBOX_SEED ?? '1'),
  });
  process.stdout.write(
    `SLA engine sandbox (no Zendesk account configured), ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: ${running.desk.url}\n` +
      'Try: open an urgent ticket, reply or change its priority, then move the clock ("+1 hour", "To next breach") and watch the Outbox. Ctrl-C stops.\n',
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return process.exit(1);
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        say(`sla: shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function start(env: NodeJS.ProcessEnv): Promise<void> {
  if (ZENDESK_VARIABLES.some((name) => env[name] !== undefined)) return runServer(env);
  return sandbox(env);
}

const backtest = (env: NodeJS.ProcessEnv) => backtestCommand(env, process.argv.slice(3));

const COMMANDS: Readonly<Record<string, (env: NodeJS.ProcessEnv) => Promise<void>>> = { start, sandbox, serve: runServer, backtest };

const [command = 'start'] = process.argv.slice(2);
const run = COMMANDS[command];
if (!run) {
  say(`sla: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}`);
  process.exitCode = 2;
} else {
  run(process.env).catch((error: unknown) => {
    say(`sla ${command}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
