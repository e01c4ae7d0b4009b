import { anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('webhook routes', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const input = {
    name: 'SLA events',
    status: 'active',
    endpoint: 'https://sla.example.com/hooks/zendesk',
    http_method: 'POST',
    request_format: 'json',
    subscriptions: ['conditional_ticket_events'],
  };

  it('creates (201), shows, lists, patches, replaces and deletes a webhook; ids are strings', async () => {
    const created = await zendesk.call('POST', '/api/v2/webhooks', { webhook: input });
    expect(created.status).toBe(201);
    const webhook = created.body.webhook;
    expect(webhook).toMatchObject({ ...input, id: expect.stringMatching(/^01[0-9A-Z]{24}$/), created_by: '10001' });
    expect((await zendesk.call('GET', '/api/v2/webhooks')).body.webhooks).toHaveLength(1);
    expect((await zendesk.call('PATCH', `/api/v2/webhooks/${webhook.id}`, { webhook: { status: 'inactive' } })).status).toBe(204);
    expect((await zendesk.call('GET', `/api/v2/webhooks/${webhook.id}`)).body.webhook).toMatchObject({ status: 'inactive', name: 'SLA events' });
    const replaced = await zendesk.call('PUT', `/api/v2/webhooks/${webhook.id}`, { webhook: { ...input, name: 'Renamed' } });
    expect(replaced.status).toBe(204);
    expect((await zendesk.call('GET', `/api/v2/webhooks/${webhook.id}`)).body.webhook.name).toBe('Renamed');
    expect((await zendesk.call('DELETE', `/api/v2/webhooks/${webhook.id}`)).status).toBe(204);
    const gone = await zendesk.call('GET', `/api/v2/webhooks/${webhook.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0].code).toBe('WebhookNotFound');
  });

  it('keeps authentication secrets out of responses', async () => {
    const created = await zendesk.call('POST', '/api/v2/webhooks', {
      webhook: { ...input, authentication: { type: 'basic_auth', add_position: 'header', data: { username: 'u', password: 'p' } } },
    });
    expect(created.body.webhook.authentication).toEqual({ type: 'basic_auth', add_position: 'header' });
  });

  it('shows and resets the signing secret', async () => {
    const webhook = (await zendesk.call('POST', '/api/v2/webhooks', { webhook: input })).body.webhook;
    const first = (await zendesk.call('GET', `/api/v2/webhooks/${webhook.id}/signing_secret`)).body.signing_secret;
    expect(first).toEqual({ algorithm: 'SHA256', secret: expect.any(String) });
    const reset = await zendesk.call('POST', `/api/v2/webhooks/${webhook.id}/signing_secret`);
    expect(reset.body.signing_secret.secret).not.toBe(first.secret);
  });

  it('answers invalid webhooks with 400 and the Webhooks API error shape', async () => {
    const bad = [
      { ...input, endpoint: 'not a url' },
      { ...input, http_method: 'FETCH' },
      { ...input, subscriptions: [] },
      { ...input, subscriptions: ['zen:event-type:ticket.status_changed'], http_method: 'GET' },
    ];
    for (const webhook of bad) {
      const reply = await zendesk.call('POST', '/api/v2/webhooks', { webhook });
      expect(reply.status).toBe(400);
      expect(reply.body.errors[0]).toMatchObject({ code: 'InvalidInput', source: { pointer: expect.stringMatching(/^\/webhook/) } });
    }
  });
});

describe('webhook list filters', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('filters by name and status, as the setup code needs to find its own webhook', async () => {
    const base = { endpoint: 'https://example.com/h', http_method: 'POST', request_format: 'json', subscriptions: ['conditional_ticket_events'] };
    await zendesk.call('POST', '/api/v2/webhooks', { webhook: { ...base, name: 'SLA events', status: 'active' } });
    await zendesk.call('POST', '/api/v2/webhooks', { webhook: { ...base, name: 'Other', status: 'inactive' } });
    const byName = await zendesk.call('GET', '/api/v2/webhooks?filter[name_contains]=sla');
    expect(byName.body.webhooks.map((w: { name: string }) => w.name)).toEqual(['SLA events']);
    const byStatus = await zendesk.call('GET', '/api/v2/webhooks?filter[status]=inactive');
    expect(byStatus.body.webhooks.map((w: { name: string }) => w.name)).toEqual(['Other']);
  });
});
