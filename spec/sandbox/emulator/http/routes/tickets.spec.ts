import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('ticket routes', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('creates a ticket with Zendesk timestamps, a Create audit and a Comment', async () => {
    const reply = await zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: 'Help', comment: { body: 'My printer', public: true }, priority: 'high', tags: ['VIP', 'printer'] },
    });
    expect(reply.status).toBe(201);
    expect(reply.headers.location).toBe(`${zendesk.url}/api/v2/tickets/${reply.body.ticket.id}.json`);
    expect(reply.body.ticket).toMatchObject({
      id: 1,
      subject: 'Help',
      description: 'My printer',
      status: 'new',
      priority: 'high',
      requester_id: 10001,
      submitter_id: 10001,
      assignee_id: null,
      tags: ['vip', 'printer'],
      created_at: '2026-11-22T10:00:00Z',
      updated_at: '2026-11-22T10:00:00Z',
      is_public: true,
    });
    const events = reply.body.audit.events;
    expect(events[0]).toMatchObject({ type: 'Comment', body: 'My printer', public: true, author_id: 10001 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'Create', field_name: 'priority', value: 'high' }));
    expect(events).toContainEqual(expect.objectContaining({ type: 'Create', field_name: 'tags', value: ['vip', 'printer'] }));
  });

  it('answers with and without the .json suffix', async () => {
    const ticket = await aTicket(zendesk);
    expect((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket.id).toBe(ticket.id);
    expect((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}.json?x=1`)).body.ticket.id).toBe(ticket.id);
  });

  it('refuses a ticket without a comment (422 RecordInvalid) and unknown tickets (404 RecordNotFound)', async () => {
    const invalid = await zendesk.call('POST', '/api/v2/tickets', { ticket: { subject: 'x' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: 'RecordInvalid', description: 'Record validation errors', details: { description: expect.any(Array) } });
    const missing = await zendesk.call('GET', '/api/v2/tickets/999');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: 'RecordNotFound', description: 'Not found' });
  });

  it('finds or creates the requester given by email', async () => {
    const ticket = await aTicket(zendesk, { requester: { email: 'Ann@Example.com', name: 'Ann' } });
    const user = (await zendesk.call('GET', `/api/v2/users/${ticket.requester_id}`)).body.user;
    expect(user).toMatchObject({ name: 'Ann', email: 'ann@example.com', role: 'end-user' });
    const again = await aTicket(zendesk, { requester: { email: 'ann@example.com' } });
    expect(again.requester_id).toBe(ticket.requester_id);
  });

  it('updates a ticket: {ticket, audit} with Change events; updated_at moves with the clock', async () => {
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(90_000);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}.json`, {
      ticket: { status: 'pending', comment: { body: 'Waiting for you', public: false } },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.ticket).toMatchObject({ status: 'pending', updated_at: '2026-11-22T10:01:30Z' });
    expect(reply.body.audit.events).toEqual([
      expect.objectContaining({ type: 'Comment', body: 'Waiting for you', public: false }),
      expect.objectContaining({ type: 'Change', field_name: 'status', value: 'pending', previous_value: 'new' }),
    ]);
  });

  it('makes no audit and keeps updated_at when an update changes nothing', async () => {
    const ticket = await aTicket(zendesk, { priority: 'low' });
    zendesk.clock.advance(60_000);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } });
    expect(reply.body.audit).toBeUndefined();
    expect(reply.body.ticket.updated_at).toBe(ticket.updated_at);
  });

  it('refuses a safe update whose updated_stamp is stale with 409 UpdateConflict', async () => {
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(5_000);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'urgent' } });
    const stale = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, {
      ticket: { status: 'solved', safe_update: true, updated_stamp: ticket.updated_at },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'UpdateConflict' });
    const fresh = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket;
    expect(fresh.status).toBe('new');
    const retried = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, {
      ticket: { status: 'open', safe_update: true, updated_stamp: fresh.updated_at },
    });
    expect(retried.status).toBe(200);
  });

  it('opens a new ticket when it is assigned, and refuses to change a closed one', async () => {
    const ticket = await aTicket(zendesk);
    const assigned = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { assignee_id: 10001 } });
    expect(assigned.body.ticket.status).toBe('open');
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'closed' } });
    const refused = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } });
    expect(refused.status).toBe(422);
  });

  it('refuses an assignee who is not an agent', async () => {
    const customer = zendesk.admin.addUser({ name: 'Customer', email: 'c@example.com' });
    const ticket = await aTicket(zendesk);
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { assignee_id: customer.id } });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ error: 'RecordInvalid', details: { assignee: [{ description: 'Assignee: is invalid' }] } });
  });

  it('lists tickets with cursor pagination', async () => {
    for (let i = 0; i < 5; i += 1) await aTicket(zendesk);
    const first = await zendesk.call('GET', '/api/v2/tickets.json?page[size]=2');
    expect(first.body.tickets.map((t: { id: number }) => t.id)).toEqual([1, 2]);
    expect(first.body.meta.has_more).toBe(true);
    const next = new URL(first.body.links.next);
    const second = await zendesk.call('GET', `${next.pathname}${next.search}`);
    expect(second.body.tickets.map((t: { id: number }) => t.id)).toEqual([3, 4]);
    const third = await zendesk.call('GET', `/api/v2/tickets?page[size]=2&page[after]=${second.body.meta.after_cursor}`);
    expect(third.body.tickets.map((t: { id: number }) => t.id)).toEqual([5]);
    expect(third.body.meta.has_more).toBe(false);
    expect(third.body.links.next).toBeNull();
  });

  it('lists tickets with offset pagination', async () => {
    for (let i = 0; i < 3; i += 1) await aTicket(zendesk);
    const page = await zendesk.call('GET', '/api/v2/tickets?per_page=2&page=2');
    expect(page.body).toMatchObject({ count: 3, next_page: null, previous_page: expect.stringContaining('page=1') });
    expect(page.body.tickets.map((t: { id: number }) => t.id)).toEqual([3]);
  });

  it('shows many tickets by id, skipping unknown ones', async () => {
    await aTicket(zendesk);
    await aTicket(zendesk);
    const reply = await zendesk.call('GET', '/api/v2/tickets/show_many.json?ids=2,1,77');
    expect(reply.body.tickets.map((t: { id: number }) => t.id)).toEqual([2, 1]);
  });
});

describe('status changes Zendesk makes by itself', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('reopens a pending or solved ticket when the requester replies, but not an on-hold one', async () => {
    for (const [status, expected] of [['pending', 'open'], ['solved', 'open'], ['hold', 'hold']] as const) {
      const ticket = await aTicket(zendesk, { requester: { email: 'ann@example.com', name: 'Ann' }, assignee_id: 10001, status });
      const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, {
        ticket: { comment: { body: 'Any news?', public: true, author_id: ticket.requester_id } },
      });
      expect([status, reply.body.ticket.status]).toEqual([status, expected]);
    }
  });

  it('keeps a pending ticket pending when an agent adds a note', async () => {
    const ticket = await aTicket(zendesk, { assignee_id: 10001, status: 'pending' });
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: 'note', public: false } } });
    expect(reply.body.ticket.status).toBe('pending');
  });

  it('never lets a ticket go back to New', async () => {
    const ticket = await aTicket(zendesk, { status: 'open' });
    expect((await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'new' } })).status).toBe(422);
  });
});
