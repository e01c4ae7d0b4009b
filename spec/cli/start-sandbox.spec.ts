import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { startSandbox, type RunningSandbox } from '../../src/cli/start-sandbox';

describe('startSandbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-sandbox-'));
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      env: { PORT: '0', DATABASE_URL: `sqlite:${join(dir, 'sla.db')}`, LOG_LEVEL: 'silent' },
      emulatorPort: 0,
      log: pino({ level: 'silent' }),
      root: resolve(__dirname, '../..'),
    });
  });

  afterAll(async () => {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the companion server on its own database, ready', async () => {
    const response = await fetch(`${sandbox.server.url}/readyz`);
    expect(response.status).toBe(200);
  });

  it('installs the app in the emulator as a real install would: the SLA ticket fields exist', async () => {
    const { email, apiToken } = sandbox.credentials;
    const auth = `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString('base64')}`;
    const body = (await (await fetch(`${sandbox.emulator.url}/api/v2/ticket_fields.json`, { headers: { authorization: auth } })).json()) as { ticket_fields: { title: string }[] };
    const titles = body.ticket_fields.map((f) => f.title);
    expect(titles).toEqual(expect.arrayContaining(['SLA policy', 'SLA status', 'SLA next due at', 'SLA due at: First reply time']));
  });

  it('refuses to run when a Zendesk account is configured', async () => {
    await expect(
      startSandbox({ env: { ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'a@b.c', ZENDESK_API_TOKEN: 't', SLA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') }, emulatorPort: 0, log: pino({ level: 'silent' }), root: '.' }),
    ).rejects.toThrow(/no Zendesk account/);
  });
});
