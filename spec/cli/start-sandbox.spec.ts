import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { startSandbox, type RunningSandbox } from '../../src/cli/start-sandbox';

jest.setTimeout(60_000);

const ROOT = path.resolve(__dirname, '../..');

/** The desk reads the package's manifest; the app's scripts only matter in a browser (spec/sandbox/desk). */
function manifestOnlyDist(dir: string): string {
  const dist = path.join(dir, 'dist');
  fs.mkdirSync(dist);
  fs.copyFileSync(path.join(ROOT, 'manifest.json'), path.join(dist, 'manifest.json'));
  return dist;
}

describe('startSandbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-sandbox-'));
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      env: { PORT: '0', DATABASE_URL: `sqlite:${path.join(dir, 'sla.db')}`, LOG_LEVEL: 'silent' },
      emulatorPort: 0,
      deskPort: 0,
      log: pino({ level: 'silent' }),
      root: ROOT,
      appDistDir: manifestOnlyDist(dir),
    });
  });

  afterAll(async () => {
    await sandbox?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
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

  it('seeds the demo account and serves it in the desk, the emulator clock at about now', async () => {
    const page = await (await fetch(`${sandbox.desk.url}/tickets`)).text();
    expect(page.match(/<tr data-ticket-id=/g)).toHaveLength(sandbox.seed.ticketIds.length);
    const { now } = (await (await fetch(`${sandbox.emulator.url}/__sandbox/clock`)).json()) as { now: string };
    expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
  });

  it('lets the sidebar reach the server through the desk’s proxy, signed with the secret only the proxy holds', async () => {
    const ticketId = sandbox.seed.ticketIds[0];
    const serverUrl = sandbox.server.url.replace('://127.0.0.1', '://localhost');
    const options = {
      url: `${serverUrl}/api/tickets/${ticketId}/sla`,
      secure: true,
      headers: { Authorization: 'Bearer {{jwt.token}}' },
      jwt: { algorithm: 'HS256', secret_key: '{{setting.sharedSecret}}', expiry: 300, claims: { iss: 'sandbox', sub: String(sandbox.seed.agents[0]?.id) } },
    };
    const response = await fetch(`${sandbox.desk.url}/zaf-proxy`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ options }) });
    const answer = (await response.json()) as { status: number; responseText: string };
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.responseText)).toMatchObject({ ticketId: String(ticketId) });
  });

  it('refuses to run when a Zendesk account is configured', async () => {
    await expect(
      startSandbox({
        env: { ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'a@b.c', ZENDESK_API_TOKEN: 't', SLA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') },
        emulatorPort: 0,
        deskPort: 0,
        log: pino({ level: 'silent' }),
        root: ROOT,
        appDistDir: path.join(dir, 'dist'),
      }),
    ).rejects.toThrow(/no Zendesk account/);
  });
});
