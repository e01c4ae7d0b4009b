import { createHmac } from 'node:crypto';
import { anEmulator, type TestEmulator } from '../../support/emulator-fixture';
import { startWebhookReceiver } from '../../support/webhook-receiver';

describe('POST /webhooks/test', () => {
  let zendesk: TestEmulator;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  beforeEach(async () => {
    zendesk = await anEmulator();
    receiver = await startWebhookReceiver();
  });
  afterEach(async () => {
    await zendesk.close();
    await receiver.close();
  });

  it('sends one request signed with the published test secret and answers with the endpoint\'s response', async () => {
    receiver.script({ status: 202, headers: { 'x-answer': 'yes' } });
    const reply = await zendesk.call('POST', '/api/v2/webhooks/test', {
      request: { endpoint: receiver.url, http_method: 'POST', request_format: 'json', payload: '{"ping":true}' },
    });
    expect(reply.body.response).toMatchObject({ status: 202, body: '{}' });
    expect(reply.body.response.headers).toContainEqual({ key: 'x-answer', value: 'yes' });
    const [request] = receiver.received;
    const timestamp = String(request!.headers['x-zendesk-webhook-signature-timestamp']);
    const expected = createHmac('sha256', 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==').update(timestamp + '{"ping":true}').digest('base64');
    expect(request!.headers['x-zendesk-webhook-signature']).toBe(expected);
  });

  it('uses an existing webhook\'s secret when webhook_id is given', async () => {
    const webhook = (
      await zendesk.call('POST', '/api/v2/webhooks', {
        webhook: { name: 'SLA', status: 'active', endpoint: receiver.url, http_method: 'POST', request_format: 'json', subscriptions: ['conditional_ticket_events'] },
      })
    ).body.webhook;
    const secret = (await zendesk.call('GET', `/api/v2/webhooks/${webhook.id}/signing_secret`)).body.signing_secret.secret;
    await zendesk.call('POST', `/api/v2/webhooks/test?webhook_id=${webhook.id}`, {
      request: { endpoint: receiver.url, http_method: 'POST', request_format: 'json', payload: '{}' },
    });
    const [request] = receiver.received;
    const timestamp = String(request!.headers['x-zendesk-webhook-signature-timestamp']);
    expect(request!.headers['x-zendesk-webhook-signature']).toBe(createHmac('sha256', secret).update(`${timestamp}{}`).digest('base64'));
  });
});
