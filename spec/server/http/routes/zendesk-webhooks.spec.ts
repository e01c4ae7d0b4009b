import pino from 'pino';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import { zendeskSignature } from '../../../../src/server/http/zendesk-signature';
import type { Account, SlaStore } from '../../../../src/server/store/sla-store';
import { createTestAccount, openTestStore, TEST_DIALECTS, type TestStore } from '../../../support/test-database';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const SECRET = 'webhook-signing-secret';

function sandboxConfig() {
  const result = loadConfig({});
  if (!result.ok) throw new Error('sandbox config is invalid');
  return result.value;
}

describe.each(TEST_DIALECTS)('POST /zendesk/webhooks/:accountId on %s', (dialect) => {
  let t: TestStore;
  let store: SlaStore;
  let app: HttpServer;
  let account: Account;
  let now = NOW;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
    app = await buildHttpServer({ config: sandboxConfig(), store, clock: { now: () => now }, log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });
  beforeEach(async () => {
    now = NOW;
    account = await createTestAccount(store, { webhookSecret: SECRET });
  });

  function post(input: { body?: string; timestamp?: string; secret?: string; signature?: string; invocationId?: string; accountId?: string }) {
    const body = input.body ?? '{"ticket_id":"42","updated_at":"2026-03-02T08:59:58Z","event":"ticket_updated"}';
    const timestamp = input.timestamp ?? new Date(now).toISOString();
    const signature = input.signature ?? zendeskSignature({ secret: input.secret ?? SECRET, timestamp, rawBody: body });
    return app.inject({
      method: 'POST',
      url: `/zendesk/webhooks/${input.accountId ?? account.id}`,
      headers: {
        'content-type': 'application/json',
        'x-zendesk-webhook-signature': signature,
        'x-zendesk-webhook-signature-timestamp': timestamp,
        ...(input.invocationId ? { 'x-zendesk-webhook-invocation-id': input.invocationId } : {}),
      },
      payload: body,
    });
  }

  async function storedDeliveries(): Promise<{ ticketId: string; rawBody: string }[]> {
    const claims = await store.claimInboxBatch({ owner: `probe-${Math.random()}`, now: Date.UTC(2100, 0, 1), leaseMs: 1, limit: 1000 });
    return claims.filter((c) => c.accountId === account.id).flatMap((c) => c.deliveries.map(({ ticketId, rawBody }) => ({ ticketId, rawBody })));
  }

  it('accepts a signed delivery with 202 and stores it once, even when Zendesk delivers it twice', async () => {
    const first = await post({ invocationId: 'inv-1' });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ accepted: true, duplicate: false });
    now += 30_000; // Zendesk's retry comes later, signed anew
    const second = await post({ invocationId: 'inv-1' });
    expect(second.statusCode).toBe(202);
    expect(second.json()).toEqual({ accepted: true, duplicate: true });
    await expect(storedDeliveries()).resolves.toEqual([
      { ticketId: '42', rawBody: '{"ticket_id":"42","updated_at":"2026-03-02T08:59:58Z","event":"ticket_updated"}' },
    ]);
  });

  it('without an invocation id, treats the same signed body at the same timestamp as one delivery', async () => {
    const timestamp = new Date(now).toISOString();
    expect((await post({ timestamp })).statusCode).toBe(202);
    expect((await post({ timestamp })).json()).toEqual({ accepted: true, duplicate: true });
    expect((await post({ timestamp: new Date(now + 1000).toISOString() })).json()).toEqual({ accepted: true, duplicate: false });
    await expect(storedDeliveries()).resolves.toHaveLength(2);
  });

  it('accepts numeric ticket ids and event-subscribed payloads (detail.id)', async () => {
    expect((await post({ body: '{"ticket_id":43}' })).statusCode).toBe(202);
    expect((await post({ body: '{"type":"zen:event-type:ticket.status_changed","detail":{"id":"44"}}' })).statusCode).toBe(202);
    const ids = (await storedDeliveries()).map((d) => d.ticketId).sort();
    expect(ids).toEqual(['43', '44']);
  });

  it.each([
    ['forged (wrong secret)', () => post({ secret: 'guess' }), 401, 'bad_signature'],
    ['forged (no signature)', () => post({ signature: '' }), 401, 'missing_signature'],
    ['stale (6 minutes old)', () => post({ timestamp: new Date(NOW - 6 * 60_000).toISOString() }), 401, 'stale_timestamp'],
    ['from the future (6 minutes ahead)', () => post({ timestamp: new Date(NOW + 6 * 60_000).toISOString() }), 401, 'stale_timestamp'],
    ['oversized (over 64 KiB)', () => post({ body: JSON.stringify({ ticket_id: '1', pad: 'x'.repeat(70_000) }) }), 413, 'body_too_large'],
    ['malformed JSON', () => post({ body: '{"ticket_id":' }), 400, 'malformed_json'],
    ['missing the ticket id', () => post({ body: '{"event":"ticket_updated"}' }), 400, 'missing_ticket_id'],
    ['carrying a non-numeric ticket id', () => post({ body: '{"ticket_id":"{{ticket.id}}"}' }), 400, 'missing_ticket_id'],
    ['for an unknown account', () => post({ accountId: '00000000-0000-0000-0000-000000000000' }), 404, 'unknown_account'],
  ] as const)('refuses a delivery %s and stores nothing', async (_what, send, status, code) => {
    const response = await send();
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
    expect(response.body).not.toMatch(/at .*\.ts/);
    await expect(storedDeliveries()).resolves.toEqual([]);
  });

  it('accepts a signature exactly 5 minutes old', async () => {
    expect((await post({ timestamp: new Date(NOW - 5 * 60_000).toISOString() })).statusCode).toBe(202);
  });

  it('refuses deliveries for an account whose signing secret is not set yet', async () => {
    const bare = await createTestAccount(store, { webhookSecret: null });
    const response = await post({ accountId: bare.id });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('no_webhook_secret');
  });
});
