import { aTicket, anEmulator, tokenAuth, type TestEmulator } from '../support/emulator-fixture';

describe('triggers', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const createTrigger = async (trigger: Record<string, unknown>) => {
    const reply = await zendesk.call('POST', '/api/v2/triggers.json', { trigger });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.trigger;
  };

  it('emails the requester once on create, with placeholders rendered, and shows a Notification in the audit', async () => {
    const trigger = await createTrigger({
      title: 'Notify requester of received request',
      conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
      actions: [
        {
          field: 'notification_user',
          value: ['requester_id', '[{{ticket.id}}] {{ticket.title}}', 'Hi {{ticket.requester.name}}, status {{ticket.status}}, {{ticket.nothing}}by {{current_user.name}}'],
        },
      ],
    });
    const reply = await zendesk.call('POST', '/api/v2/tickets', {
      ticket: { subject: 'Broken', comment: { body: 'help' }, requester: { email: 'ann@example.com', name: 'Ann' } },
    });
    const ticket = reply.body.ticket;
    expect(zendesk.admin.outbox()).toEqual([
      {
        id: 1,
        to: 'ann@example.com',
        userId: ticket.requester_id,
        subject: `[${ticket.id}] Broken`,
        body: 'Hi Ann, status New, by Sandbox Admin',
        ticketId: ticket.id,
        triggerId: trigger.id,
        at: '2026-11-22T10:00:00Z',
      },
    ]);
    expect(reply.body.audit.events).toContainEqual({
      id: expect.any(Number),
      type: 'Notification',
      via: { channel: 'rule', source: { from: { id: trigger.id, title: trigger.title, deleted: false }, to: {}, rel: 'trigger' } },
      subject: `[${ticket.id}] Broken`,
      body: 'Hi Ann, status New, by Sandbox Admin',
      recipients: [ticket.requester_id],
    });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'high' } });
    expect(zendesk.admin.outbox()).toHaveLength(1);
  });

  it('re-runs the cycle from the top after a trigger changes the ticket; each trigger fires once per update', async () => {
    // "Escalate" sits first but only holds after "Tag urgent" (second) has added its tag.
    const escalate = await createTrigger({
      title: 'Escalate',
      position: 1,
      conditions: { all: [{ field: 'current_tags', operator: 'includes', value: 'urgent_sla other' }], any: [] },
      actions: [{ field: 'priority', value: 'urgent' }, { field: 'current_tags', value: 'escalated' }],
    });
    const tagUrgent = await createTrigger({
      title: 'Tag urgent',
      position: 2,
      conditions: {
        all: [{ field: 'update_type', operator: 'is', value: 'Change' }, { field: 'status', operator: 'less_than', value: 'solved' }],
        any: [],
      },
      actions: [{ field: 'current_tags', value: 'urgent_sla' }],
    });
    const ticket = await aTicket(zendesk);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'open' } });
    expect(reply.body.ticket).toMatchObject({ priority: 'urgent', tags: ['urgent_sla', 'escalated'] });
    const ruleEvents = reply.body.audit.events.filter((e: { via?: unknown }) => e.via !== undefined);
    expect(ruleEvents.map((e: { field_name: string; via: { source: { from: { id: number } } } }) => [e.field_name, e.via.source.from.id])).toEqual([
      ['tags', tagUrgent.id],
      ['priority', escalate.id],
      ['tags', escalate.id],
    ]);
  });

  it('evaluates status, priority, custom field, group and assignee conditions', async () => {
    const field = (await zendesk.call('POST', '/api/v2/ticket_fields', { ticket_field: { type: 'checkbox', title: 'Breached', tag: 'breached' } })).body.ticket_field;
    await createTrigger({
      title: 'Breached high-priority in Support',
      conditions: {
        all: [
          { field: 'priority', operator: 'greater_than', value: 'normal' },
          { field: 'status', operator: 'is_not', value: 'pending' },
          { field: `custom_fields_${field.id}`, operator: 'is', value: true },
          { field: 'group_id', operator: 'is', value: 20001 },
          { field: 'assignee_id', operator: 'is', value: 'current_user' },
        ],
        any: [],
      },
      actions: [{ field: 'notification_group', value: ['group_id', 'Breach on {{ticket.id}}', 'Field {{ticket.ticket_field_' + field.id + '}}'] }],
    });
    const ticket = await aTicket(zendesk, { priority: 'high', group_id: 20001, assignee_id: 10001 });
    expect(zendesk.admin.outbox()).toHaveLength(0);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { custom_fields: [{ id: field.id, value: true }] } });
    expect(zendesk.admin.outbox()).toEqual([expect.objectContaining({ to: 'admin@sandbox.test', subject: `Breach on ${ticket.id}`, body: 'Field true' })]);
  });

  it('uses changed-to (value) conditions and ignores inactive triggers', async () => {
    await createTrigger({
      title: 'Solved',
      conditions: { all: [{ field: 'status', operator: 'value', value: 'solved' }], any: [] },
      actions: [{ field: 'notification_user', value: ['requester_id', 'Solved', 'Solved'] }],
    });
    await createTrigger({
      title: 'Inactive',
      active: false,
      conditions: { all: [], any: [] },
      actions: [{ field: 'notification_user', value: ['current_user', 'never', 'never'] }],
    });
    const ticket = await aTicket(zendesk, { status: 'open' });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } });
    expect(zendesk.admin.outbox()).toHaveLength(0);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'solved' } });
    expect(zendesk.admin.outbox().map((mail) => mail.subject)).toEqual(['Solved']);
  });

  it('treats ticket_is_public and "any" conditions as Zendesk does', async () => {
    await createTrigger({
      title: 'Private or urgent',
      conditions: {
        all: [{ field: 'update_type', operator: 'is', value: 'Create' }],
        any: [{ field: 'ticket_is_public', operator: 'is', value: 'private' }, { field: 'priority', operator: 'is', value: 'urgent' }],
      },
      actions: [{ field: 'set_tags', value: 'matched' }],
    });
    expect((await aTicket(zendesk)).tags).toEqual([]);
    expect((await aTicket(zendesk, { comment: { body: 'x', public: false } })).tags).toEqual(['matched']);
    expect((await aTicket(zendesk, { priority: 'urgent' })).tags).toEqual(['matched']);
  });

  it('refuses triggers with unknown conditions or actions, or no actions (422)', async () => {
    const bad = [
      { title: 'x', conditions: { all: [{ field: 'moon_phase', operator: 'is', value: 'full' }] }, actions: [{ field: 'status', value: 'open' }] },
      { title: 'x', conditions: { all: [] }, actions: [{ field: 'launch_rocket', value: 'now' }] },
      { title: 'x', conditions: { all: [] }, actions: [] },
    ];
    for (const trigger of bad) expect((await zendesk.call('POST', '/api/v2/triggers', { trigger })).status).toBe(422);
  });

  it('lists triggers in position order and reorders them', async () => {
    const a = await createTrigger({ title: 'A', conditions: { all: [] }, actions: [{ field: 'status', value: 'open' }] });
    const b = await createTrigger({ title: 'B', conditions: { all: [] }, actions: [{ field: 'status', value: 'open' }] });
    await zendesk.call('PUT', '/api/v2/triggers/reorder', { trigger_ids: [b.id, a.id] });
    const list = await zendesk.call('GET', '/api/v2/triggers');
    expect(list.body.triggers.map((t: { title: string; position: number }) => [t.title, t.position])).toEqual([['B', 1], ['A', 2]]);
    expect((await zendesk.call('GET', '/api/v2/triggers', undefined, tokenAuth('admin@sandbox.test', 'bad'))).status).toBe(401);
  });
});

describe('triggers calling webhooks', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('refuses a notification_webhook action naming no trigger-connected webhook (422)', async () => {
    const eventWebhook = await zendesk.call('POST', '/api/v2/webhooks', {
      webhook: {
        name: 'Events', status: 'active', endpoint: 'https://example.com/e', http_method: 'POST', request_format: 'json',
        subscriptions: ['zen:event-type:ticket.status_changed'],
      },
    });
    for (const webhookId of ['01NOSUCHWEBHOOK0000000000', eventWebhook.body.webhook.id]) {
      const reply = await zendesk.call('POST', '/api/v2/triggers', {
        trigger: { title: 'Hook', conditions: { all: [] }, actions: [{ field: 'notification_webhook', value: [webhookId, '{}'] }] },
      });
      expect(reply.status).toBe(422);
    }
  });
});
