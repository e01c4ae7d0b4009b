import { startZendeskEmulator } from './start-zendesk-emulator';
import { DEFAULT_SEED } from './state/seed-account';

/**
 * Runs the emulator on its own: `npx tsx src/sandbox/emulator/serve-emulator.ts [--port 4010]`. It prints one
 * JSON line with the URL and the seeded credentials (for scripts to read), then serves until SIGINT/SIGTERM.
 */
async function serve(argv: readonly string[]): Promise<void> {
  const portAt = argv.indexOf('--port');
  const port = portAt >= 0 ? Number(argv[portAt + 1]) : 0;
  if (!Number.isInteger(port) || port < 0) throw new Error('--port must be a port number');
  const emulator = await startZendeskEmulator({ port });
  process.stdout.write(
    `${JSON.stringify({ url: emulator.url, email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] })}\n`,
  );
  const stop = (): void => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

serve(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
