import { request } from 'node:http';
import pino from 'pino';
import { loadConfig } from '../../src/server/config';
import { runEvery } from '../../src/server/jobs/run-every';
import { startServer } from '../../src/server/main';
import { openStore } from '../../src/server/store/open-store';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const KEY = Buffer.alloc(32, 3).toString('base64');

function httpGet(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('startServer', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(() => db.drop());

  function config(extra: Record<string, string> = {}) {
    if (db.database.kind !== 'sqlite') throw new Error('unreachable');
    const loaded = loadConfig({ PORT: '0', DATABASE_URL: `sqlite:${db.database.file}`, ...extra });
    if (!loaded.ok) throw new Error(loaded.errors.map((e) => e.message).join('; '));
    return loaded.value;
  }

  it('listens on an ephemeral port and answers health checks', async () => {
    const server = await startServer(config(), { log: pino({ level: 'silent' }), clock: { now: () => NOW } });
    await expect(httpGet(`${server.url}/readyz`)).resolves.toEqual({ status: 200, body: '{"status":"ready"}' });
    await server.stop();
    await expect(httpGet(`${server.url}/healthz`)).rejects.toThrow();
  });

  it('saves the configured account, keeping a webhook secret stored earlier when the environment has none', async () => {
    const env = { ZENDESK_SUBDOMAIN: 'acme', ZENDESK_EMAIL: 'a@acme.test', ZENDESK_API_TOKEN: 't1', SLA_ENCRYPTION_KEY: KEY };
    const first = await startServer(config({ ...env, ZENDESK_WEBHOOK_SECRET: 'whsec' }), { log: pino({ level: 'silent' }), clock: { now: () => NOW } });
    await first.stop();
    const second = await startServer(config({ ...env, ZENDESK_API_TOKEN: 't2' }), { log: pino({ level: 'silent' }), clock: { now: () => NOW } });
    await expect(second.store.findAccountBySubdomain('acme')).resolves.toMatchObject({
      credentials: { kind: 'api_token', token: 't2' },
      webhookSecret: 'whsec',
    });
    await second.stop();
  });

  it('on stop, ends the loops first and then hands back the leases they hold', async () => {
    let claimedOnce = false;
    const server = await startServer(config(), {
      log: pino({ level: 'silent' }),
      clock: { now: () => NOW },
      startJobs: ({ store, leaseOwner }) => [
        runEvery({
          name: 'holder',
          intervalMs: 10,
          onError: () => undefined,
          task: async () => {
            const claims = await store.claimInboxBatch({ owner: leaseOwner, now: NOW, leaseMs: 60_000, limit: 10 });
            if (claims.length > 0) claimedOnce = true;
          },
        }),
      ],
    });
    const account = await server.store.saveAccount({ subdomain: 'held', credentials: { kind: 'sandbox' }, webhookSecret: null, appSharedSecret: null, now: NOW });
    await server.store.enqueueWebhook({ accountId: account.id, invocationId: 'i1', ticketId: '1', rawBody: '{}', receivedAt: NOW });
    while (!claimedOnce) await new Promise((resolve) => setTimeout(resolve, 5));
    await server.stop();

    const reopened = await openStore(config());
    const [claim] = await reopened.claimInboxBatch({ owner: 'next-process', now: NOW + 1, leaseMs: 60_000, limit: 10 });
    expect(claim?.deliveries.map((d) => d.attempts)).toEqual([1]);
    await reopened.close();
  });
});
