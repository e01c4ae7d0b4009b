import pino from 'pino';
import { assessTicket } from '../../../../src/core';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer } from '../../../../src/server/http/build-http-server';
import { zendeskSignature } from '../../../../src/server/http/zendesk-signature';
import { aPolicy } from '../../../support/a-policy';
import { aTicket } from '../../../support/a-ticket';
import { createTestAccount, openTestStore, type TestStore } from '../../../support/test-database';

const NOW = Date.parse('2026-03-02T09:00:00Z');

describe('health, readiness and metrics', () => {
  let t: TestStore;
  beforeEach(async () => {
    t = await openTestStore('sqlite');
  });
  afterEach(() => t.destroy());

  async function server(now = NOW) {
    const config = loadConfig({});
    if (!config.ok) throw new Error('config');
    return buildHttpServer({ config: config.value, store: t.store, clock: { now: () => now }, log: pino({ level: 'silent' }) });
  }

  it('answers /healthz and /readyz while the database is there', async () => {
    const app = await server();
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect([ready.statusCode, ready.json()]).toEqual([200, { status: 'ready' }]);
    await app.close();
  });

  it('answers /readyz with 503 when the database is unreachable, /healthz still 200', async () => {
    const app = await server();
    await t.store.close();
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json().error.code).toBe('not_ready');
    expect((await app.inject('/healthz')).statusCode).toBe(200);
    await app.close();
  });

  it('exports inbox depth, intake lag and webhook outcomes, per server instance', async () => {
    const account = await createTestAccount(t.store);
    const app = await server();
    const body = '{"ticket_id":"1"}';
    const timestamp = new Date(NOW).toISOString();
    const signature = zendeskSignature({ secret: 'webhook-signing-secret', timestamp, rawBody: body });
    const headers = { 'content-type': 'application/json', 'x-zendesk-webhook-signature-timestamp': timestamp };
    await app.inject({ method: 'POST', url: `/zendesk/webhooks/${account.id}`, headers: { ...headers, 'x-zendesk-webhook-signature': signature }, payload: body });
    await app.inject({ method: 'POST', url: `/zendesk/webhooks/${account.id}`, headers: { ...headers, 'x-zendesk-webhook-signature': 'forged' }, payload: body });
    await app.close();

    // A second server over the same store, 90 s later: its counters start at zero, the gauges read the store.
    const later = await server(NOW + 90_000);
    const metrics = await later.inject('/metrics');
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.body).toMatch(/^sla_inbox_depth 1$/m);
    expect(metrics.body).toMatch(/^sla_inbox_oldest_pending_age_seconds 90$/m);
    // No ticket waits for a due check in this store: the scheduler is not behind.
    expect(metrics.body).toMatch(/^sla_scheduler_lag_seconds 0$/m);
    expect(metrics.body).not.toMatch(/sla_webhooks_accepted_total\{/);
    await later.close();
  });

  it('exports how late the oldest due check is (scheduler lag)', async () => {
    const account = await createTestAccount(t.store);
    // A ticket whose next check fell due at NOW, assessed and released as the pipeline does.
    await t.store.enqueueWebhook({ accountId: account.id, invocationId: 'i-1', ticketId: '1', rawBody: '{}', receivedAt: NOW - 60_000 });
    await t.store.claimInboxBatch({ owner: 'worker', now: NOW - 60_000, leaseMs: 30_000, limit: 10 });
    const ticket = aTicket({ id: '1' });
    const assessment = assessTicket({ ticket, history: [{ type: 'created', at: NOW - 60_000, ticket }], policies: [aPolicy()], schedules: {}, now: NOW - 60_000 });
    await t.store.saveTicketState({ owner: 'worker', accountId: account.id, ticketId: '1', assessment, shown: null, policyId: null, nextCheckAt: NOW, zendeskUpdatedAt: null, now: NOW - 60_000 });
    await t.store.releaseTicket({ owner: 'worker', accountId: account.id, ticketId: '1' });
    // 45 s after it fell due, with no scheduler running: 45 s behind.
    const app = await server(NOW + 45_000);
    expect((await app.inject('/metrics')).body).toMatch(/^sla_scheduler_lag_seconds 45$/m);
    await app.close();
    const early = await server(NOW - 1_000);
    expect((await early.inject('/metrics')).body).toMatch(/^sla_scheduler_lag_seconds 0$/m);
    await early.close();
  });

  it('counts accepted and rejected webhooks by reason', async () => {
    const account = await createTestAccount(t.store);
    const app = await server();
    const timestamp = new Date(NOW).toISOString();
    const send = (payload: string, signature: string) =>
      app.inject({ method: 'POST', url: `/zendesk/webhooks/${account.id}`, headers: { 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp }, payload });
    const sign = (body: string) => zendeskSignature({ secret: 'webhook-signing-secret', timestamp, rawBody: body });
    await send('{"ticket_id":"1"}', sign('{"ticket_id":"1"}'));
    await send('{"ticket_id":"1"}', sign('{"ticket_id":"1"}'));
    await send('{"ticket_id":"1"}', 'forged');
    await send('nope', sign('nope'));
    const text = (await app.inject('/metrics')).body;
    expect(text).toMatch(/^sla_webhooks_accepted_total\{duplicate="false"\} 1$/m);
    expect(text).toMatch(/^sla_webhooks_accepted_total\{duplicate="true"\} 1$/m);
    expect(text).toMatch(/^sla_webhooks_rejected_total\{reason="bad_signature"\} 1$/m);
    expect(text).toMatch(/^sla_webhooks_rejected_total\{reason="malformed_json"\} 1$/m);
    await app.close();
  });

  it('answers unknown routes with the error shape', async () => {
    const app = await server();
    const response = await app.inject('/nope');
    expect([response.statusCode, response.json()]).toEqual([404, { error: { code: 'route_not_found', message: 'No such route' } }]);
    await app.close();
  });
});
