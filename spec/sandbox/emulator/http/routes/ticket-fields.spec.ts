import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('ticket field routes and custom field values', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const createField = async (field: Record<string, unknown>) => {
    const reply = await zendesk.call('POST', '/api/v2/ticket_fields.json', { ticket_field: field });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.ticket_field;
  };

  it('lists the system fields of a new account', async () => {
    const reply = await zendesk.call('GET', '/api/v2/ticket_fields');
    expect(reply.body.ticket_fields.map((f: { type: string }) => f.type)).toEqual([
      'subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee',
    ]);
  });

  it('creates, shows, updates and deletes a custom field', async () => {
    const field = await createField({ type: 'text', title: 'SLA due at' });
    expect(field).toMatchObject({ type: 'text', title: 'SLA due at', active: true, removable: true });
    const updated = await zendesk.call('PUT', `/api/v2/ticket_fields/${field.id}`, { ticket_field: { title: 'SLA due' } });
    expect(updated.body.ticket_field.title).toBe('SLA due');
    expect((await zendesk.call('DELETE', `/api/v2/ticket_fields/${field.id}`)).status).toBe(204);
    expect((await zendesk.call('GET', `/api/v2/ticket_fields/${field.id}`)).status).toBe(404);
  });

  it('refuses a field without a title, of an unknown type, or a dropdown without options', async () => {
    const bad = [{ type: 'text' }, { type: 'hologram', title: 'x' }, { type: 'tagger', title: 'x', custom_field_options: [] }];
    for (const field of bad) {
      const reply = await zendesk.call('POST', '/api/v2/ticket_fields', { ticket_field: field });
      expect(reply.status).toBe(422);
      expect(reply.body.error).toBe('RecordInvalid');
    }
  });

  it('refuses a dropdown option tag that another field already uses', async () => {
    await createField({ type: 'checkbox', title: 'Breached', tag: 'sla_breached' });
    const reply = await zendesk.call('POST', '/api/v2/ticket_fields', {
      ticket_field: { type: 'tagger', title: 'State', custom_field_options: [{ name: 'Breached', value: 'sla_breached' }] },
    });
    expect(reply.status).toBe(422);
  });

  it('stores valid values the way Zendesk shows them, and lists unset fields as null', async () => {
    const text = await createField({ type: 'text', title: 'Due at' });
    const date = await createField({ type: 'date', title: 'Due date' });
    const integer = await createField({ type: 'integer', title: 'Minutes' });
    const checkbox = await createField({ type: 'checkbox', title: 'Breached', tag: 'sla_breached' });
    const dropdown = await createField({
      type: 'tagger',
      title: 'Tier',
      custom_field_options: [{ name: 'Gold', value: 'tier_gold' }, { name: 'Silver', value: 'tier_silver' }],
    });
    const unset = await createField({ type: 'decimal', title: 'Score' });
    const ticket = await aTicket(zendesk, {
      custom_fields: [
        { id: text.id, value: '2026-11-22T12:00:00Z' },
        { id: date.id, value: '2026-11-23' },
        { id: integer.id, value: 90 },
        { id: checkbox.id, value: true },
        { id: dropdown.id, value: 'tier_gold' },
        { id: 999_999, value: 'unknown field ids are ignored' },
      ],
    });
    expect(ticket.custom_fields).toEqual([
      { id: text.id, value: '2026-11-22T12:00:00Z' },
      { id: date.id, value: '2026-11-23' },
      { id: integer.id, value: '90' },
      { id: checkbox.id, value: true },
      { id: dropdown.id, value: 'tier_gold' },
      { id: unset.id, value: null },
    ]);
    // A dropdown's value and a checked checkbox's tag are tags on the ticket too.
    expect(ticket.tags).toEqual(expect.arrayContaining(['sla_breached', 'tier_gold']));
  });

  it.each([
    ['date', { type: 'date', title: 'Due date' }, '2026-02-30'],
    ['date with a time', { type: 'date', title: 'Due date' }, '2026-11-22T10:00:00Z'],
    ['integer', { type: 'integer', title: 'Minutes' }, '12.5'],
    ['checkbox', { type: 'checkbox', title: 'Flag' }, 'yes'],
    ['dropdown', { type: 'tagger', title: 'Tier', custom_field_options: [{ name: 'Gold', value: 'tier_gold' }] }, 'Gold'],
    ['regexp', { type: 'regexp', title: 'Code', regexp_for_validation: '\\A[A-Z]{3}\\z' }, 'abc'],
  ])('refuses an invalid %s value with 422 naming the field', async (_name, definition, value) => {
    const field = await createField(definition);
    const ticket = await aTicket(zendesk);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { custom_fields: [{ id: field.id, value }] } });
    expect(reply.status).toBe(422);
    expect(reply.body.details.base[0]).toMatchObject({ field_key: field.id, error: 'InvalidValue' });
  });

  it('clears a dropdown when its tag is removed, and sets it when an option tag is added', async () => {
    const dropdown = await createField({
      type: 'tagger',
      title: 'Tier',
      custom_field_options: [{ name: 'Gold', value: 'tier_gold' }, { name: 'Silver', value: 'tier_silver' }],
    });
    const ticket = await aTicket(zendesk, { custom_fields: [{ id: dropdown.id, value: 'tier_gold' }] });
    await zendesk.call('DELETE', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['tier_gold'] });
    let shown = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket;
    expect(shown.custom_fields).toContainEqual({ id: dropdown.id, value: null });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['tier_silver'] });
    shown = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket;
    expect(shown.custom_fields).toContainEqual({ id: dropdown.id, value: 'tier_silver' });
  });
});
