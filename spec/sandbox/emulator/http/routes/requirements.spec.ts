import { anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('app installation requirements', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const requirements = {
    ticket_fields: {
      sla_due_at: { type: 'text', title: 'SLA due at (ISO-8601)' },
      sla_breached: { type: 'checkbox', title: 'SLA breached', tag: 'sla_breached' },
    },
    webhooks: {
      sla_events: {
        name: 'SLA events',
        status: 'active',
        endpoint: 'https://sla.example.com/hooks/zendesk',
        http_method: 'POST',
        request_format: 'json',
        subscriptions: ['conditional_ticket_events'],
      },
    },
    triggers: {
      breach_mail: {
        title: 'SLA: notify assignee of breach',
        conditions: { all: [{ field: 'current_tags', operator: 'includes', value: 'sla_breached' }], any: [] },
        actions: [{ field: 'notification_user', value: ['assignee_id', 'Breach', 'Ticket {{ticket.id}}'] }],
      },
    },
  };

  it('creates the listed resources and lists identifier → requirement_id/requirement_type', async () => {
    const installed = await zendesk.call('POST', '/__sandbox/apps/install', { requirements, app_name: 'SLA Engine' });
    const installationId = installed.body.installation.id;
    const reply = await zendesk.call('GET', `/api/v2/apps/installations/${installationId}/requirements.json`);
    expect(reply.status).toBe(200);
    const byIdentifier = Object.fromEntries(reply.body.requirements.map((r: { identifier: string }) => [r.identifier, r]));
    expect(Object.keys(byIdentifier).sort()).toEqual(['breach_mail', 'sla_breached', 'sla_due_at', 'sla_events']);
    expect(byIdentifier.sla_events).toMatchObject({ requirement_type: 'webhooks', requirement_id: expect.any(String) });
    const field = await zendesk.call('GET', `/api/v2/ticket_fields/${byIdentifier.sla_due_at.requirement_id}`);
    expect(field.body.ticket_field).toMatchObject({ title: 'SLA due at (ISO-8601)', creator_app_name: 'SLA Engine' });
    const trigger = await zendesk.call('GET', `/api/v2/triggers/${byIdentifier.breach_mail.requirement_id}`);
    expect(trigger.body.trigger.title).toBe('SLA: notify assignee of breach');
  });

  it('installs all or nothing', async () => {
    const broken = { ...requirements, triggers: { bad: { title: 'No actions', conditions: { all: [] }, actions: [] } } };
    const reply = await zendesk.call('POST', '/__sandbox/apps/install', { requirements: broken });
    expect(reply.status).toBe(422);
    expect(zendesk.state.webhooks.size).toBe(0);
    expect((await zendesk.call('GET', '/api/v2/ticket_fields')).body.ticket_fields).toHaveLength(7);
  });

  it('refuses requirement types the emulator cannot create', async () => {
    expect((await zendesk.call('POST', '/__sandbox/apps/install', { requirements: { views: {} } })).status).toBe(422);
  });
});
