import { createHmac } from 'node:crypto';
import { aTicket, anEmulator, type TestEmulator } from '../support/emulator-fixture';
import { startWebhookReceiver } from '../support/webhook-receiver';

type Receiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

describe('webhook delivery', () => {
  let zendesk: TestEmulator;
  let receiver: Receiver;
  let webhookId: string;

  beforeEach(async () => {
    zendesk = await anEmulator({ webhookTimeoutMs: 300 });
    receiver = await startWebhookReceiver();
    const webhook = await zendesk.call('POST', '/api/v2/webhooks', {
      webhook: {
        name: 'SLA events',
        status: 'active',
        endpoint: receiver.url,
        http_method: 'POST',
        request_format: 'json',
        subscriptions: ['conditional_ticket_events'],
        authentication: { type: 'bearer_token', add_position: 'header', data: { token: 'sla-secret-token' } },
      },
    });
    expect(webhook.status).toBe(201);
    webhookId = webhook.body.webhook.id;
    const trigger = await zendesk.call('POST', '/api/v2/triggers', {
      trigger: {
        title: 'SLA: notify server',
        conditions: { all: [], any: [] },
        actions: [{ field: 'notification_webhook', value: [webhookId, '{"ticket_id":"{{ticket.id}}","title":"{{ticket.title}}","updated_at":"{{ticket.updated_at_with_timestamp}}"}'] }],
      },
    });
    expect(trigger.status).toBe(201);
  });
  afterEach(async () => {
    await zendesk.close();
    await receiver.close();
  });

  it('posts the rendered body, signed base64(HMAC-SHA256(secret, timestamp + body)), with Zendesk headers', async () => {
    const ticket = await aTicket(zendesk, { subject: 'Say "hi"' });
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    expect(JSON.parse(request!.body)).toEqual({ ticket_id: String(ticket.id), title: 'Say "hi"', updated_at: '2026-11-22T10:00:00Z' });
    const secret = (await zendesk.call('GET', `/api/v2/webhooks/${webhookId}/signing_secret`)).body.signing_secret.secret;
    const timestamp = String(request!.headers['x-zendesk-webhook-signature-timestamp']);
    expect(timestamp).toBe('2026-11-22T10:00:00Z');
    const expected = createHmac('sha256', secret).update(timestamp + request!.body).digest('base64');
    expect(request!.headers['x-zendesk-webhook-signature']).toBe(expected);
    expect(request!.headers).toMatchObject({
      'x-zendesk-webhook-id': webhookId,
      'x-zendesk-webhook-invocation-id': expect.stringMatching(/^\d+$/),
      authorization: 'Bearer sla-secret-token',
      'content-type': 'application/json',
    });
  });

  it('renders the update\'s own updated_at into the payload of an update', async () => {
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(90_000);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'high' } });
    await zendesk.admin.settleWebhooks();
    expect(JSON.parse(receiver.received[1]!.body).updated_at).toBe('2026-11-22T10:01:30Z');
  });

  it('does not hold the API response while the receiver is slow', async () => {
    receiver.script({ status: 200, hang: true });
    const reply = await zendesk.call('POST', '/api/v2/tickets', { ticket: { subject: 's', comment: { body: 'b' } } });
    expect(reply.status).toBe(201);
    await zendesk.admin.settleWebhooks();
    expect(zendesk.admin.webhookAttempts()[0]?.outcome).toEqual({ kind: 'timeout' });
  });

  it('retries a 503 with Retry-After under 60 s after that many seconds of emulator time, same invocation id', async () => {
    receiver.script({ status: 503, headers: { 'retry-after': '5' } });
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(1);
    zendesk.clock.advance(4_999);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(1);
    zendesk.clock.advance(1);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(second!.headers['x-zendesk-webhook-invocation-id']).toBe(first!.headers['x-zendesk-webhook-invocation-id']);
    // The retry is signed anew, at its own time.
    expect(second!.headers['x-zendesk-webhook-signature-timestamp']).toBe('2026-11-22T10:00:05Z');
  });

  it('retries a 409 up to 3 times with backoff, and does not retry a 500 (Zendesk does not)', async () => {
    receiver.script({ status: 409 }, { status: 409 }, { status: 409 }, { status: 409 }, { status: 500 });
    await aTicket(zendesk);
    for (let i = 0; i < 6; i += 1) {
      await zendesk.admin.settleWebhooks();
      zendesk.clock.advance(60_000);
    }
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(4);
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    zendesk.clock.advance(3_600_000);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(5);
    const outcomes = zendesk.admin.webhookAttempts().map((a) => (a.outcome.kind === 'response' ? a.outcome.status : a.outcome.kind));
    expect(outcomes).toEqual([409, 409, 409, 409, 500]);
  });

  it('retries a timeout (the receiver never answers)', async () => {
    receiver.script({ status: 200, hang: true });
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    zendesk.clock.advance(10_000);
    await zendesk.admin.settleWebhooks();
    expect(zendesk.admin.webhookAttempts().map((a) => [a.attempt, a.outcome.kind])).toEqual([[1, 'timeout'], [2, 'response']]);
  });

  it('drops, duplicates and reorders deliveries when a test asks', async () => {
    zendesk.admin.injectWebhookFaults({ drop: 1 });
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(0);
    expect(zendesk.admin.webhookAttempts()[0]?.outcome).toEqual({ kind: 'dropped' });

    zendesk.admin.injectWebhookFaults({ duplicate: 1 });
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.headers['x-zendesk-webhook-invocation-id']).toBe(receiver.received[1]!.headers['x-zendesk-webhook-invocation-id']);

    zendesk.admin.injectWebhookFaults({ reorder: 2 });
    const third = await aTicket(zendesk);
    const fourth = await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received.slice(2).map((r) => JSON.parse(r.body).ticket_id)).toEqual([String(fourth.id), String(third.id)]);
  });

  it('delays a delivery on the emulator clock', async () => {
    zendesk.admin.injectWebhookFaults({ delay: { count: 1, delayMs: 30_000 } });
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(0);
    zendesk.clock.advance(30_000);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(1);
  });

  it('does not call an inactive webhook', async () => {
    expect((await zendesk.call('PATCH', `/api/v2/webhooks/${webhookId}`, { webhook: { status: 'inactive' } })).status).toBe(204);
    await aTicket(zendesk);
    await zendesk.admin.settleWebhooks();
    expect(receiver.received).toHaveLength(0);
  });
});

describe('closing the emulator', () => {
  it('aborts a webhook request the receiver never answers instead of waiting out the 12 s timeout', async () => {
    const zendesk = await anEmulator();
    const receiver = await startWebhookReceiver();
    receiver.script({ status: 200, hang: true });
    const webhook = await zendesk.call('POST', '/api/v2/webhooks', {
      webhook: { name: 'w', status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json', subscriptions: ['conditional_ticket_events'] },
    });
    await zendesk.call('POST', '/api/v2/triggers', {
      trigger: { title: 't', conditions: { all: [] }, actions: [{ field: 'notification_webhook', value: [webhook.body.webhook.id, '{}'] }] },
    });
    await aTicket(zendesk);
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const closed = await Promise.race([
      zendesk.close().then(() => 'closed'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    expect(closed).toBe('closed');
    expect(zendesk.admin.webhookAttempts().map((a) => a.outcome.kind)).toEqual(['network_error']);
    await receiver.close();
  });
});
