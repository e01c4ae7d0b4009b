import { SignJWT } from 'jose';
import pino from 'pino';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import type { Account } from '../../../../src/server/store/sla-store';
import { createTestAccount, openTestStore, TEST_DIALECTS, type TestStore } from '../../../support/test-database';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';

describe.each(TEST_DIALECTS)('GET /api/tickets/:ticketId/sla on %s', (dialect) => {
  let t: TestStore;
  let app: HttpServer;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    const config = loadConfig({});
    if (!config.ok) throw new Error('config');
    app = await buildHttpServer({ config: config.value, store: t.store, clock: { now: () => NOW }, log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  async function get(account: Account, ticketId: string) {
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(account.subdomain).setSubject('7').setExpirationTime(Math.floor(NOW / 1000) + 300).sign(new TextEncoder().encode(SECRET));
    return app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/sla`, headers: { authorization: `Bearer ${jwt}` } });
  }

  /** Gives `account` an assessed ticket 42 under policy "VIP". */
  async function assess(account: Account): Promise<void> {
    const saved = await t.store.savePolicy({ accountId: account.id, body: { title: 'VIP', description: '', active: true, filter: { all: [], any: [] }, targets: [] }, authorId: null, now: NOW });
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    await t.store.enqueueWebhook({ accountId: account.id, invocationId: `i-${account.id}`, ticketId: '42', rawBody: '{}', receivedAt: NOW });
    await t.store.claimInboxBatch({ owner: 'w', now: NOW, leaseMs: 60_000, limit: 100 });
    const result = await t.store.saveTicketState({ owner: 'w', accountId: account.id, ticketId: '42', assessment: { kind: 'assessment' }, policyId: saved.value.id, nextCheckAt: NOW + 60_000, zendeskUpdatedAt: NOW, now: NOW });
    expect(result).toBe('saved');
  }

  it("answers the caller's own ticket, and never another account's", async () => {
    const owner = await createTestAccount(t.store, { appSharedSecret: SECRET });
    const neighbour = await createTestAccount(t.store, { appSharedSecret: SECRET });
    await assess(owner);
    const mine = await get(owner, '42');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ ticketId: '42', policy: { title: 'VIP' }, assessment: { kind: 'assessment' }, nextCheckAt: NOW + 60_000 });
    const theirs = await get(neighbour, '42');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ ticketId: '42', policy: null, assessment: null, nextCheckAt: null });
  });

  it('refuses a ticket id that is not a positive integer', async () => {
    const account = await createTestAccount(t.store, { appSharedSecret: SECRET });
    const response = await get(account, 'abc');
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'invalid_ticket_id']);
  });
});
