import { aTicket, anEmulator, type TestEmulator } from '../support/emulator-fixture';

const HOUR = 3_600_000;

describe('the default "close 4 days after solved" automation', () => {
  let zendesk: TestEmulator;
  afterEach(() => zendesk.close());

  it('closes a ticket at the first hourly run 96 hours after it was solved; closed tickets refuse updates', async () => {
    zendesk = await anEmulator();
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(30 * 60_000); // solved at 10:30
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'solved' } });
    zendesk.clock.advance(96 * HOUR - 1); // 26th 10:29:59.999: the 10:00 run came too early
    expect(zendesk.state.tickets.get(ticket.id)?.status).toBe('solved');
    zendesk.clock.advance(31 * 60_000); // past the 11:00 run
    const closed = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).body.ticket;
    expect(closed).toMatchObject({ status: 'closed', updated_at: '2026-11-26T11:00:00Z' });
    const audits = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits`)).body.audits;
    expect(audits.at(-1)).toMatchObject({
      author_id: -1,
      via: { channel: 'rule', source: { rel: 'automation', from: { title: 'Close ticket 4 days after status is set to solved' } } },
      events: [expect.objectContaining({ type: 'Change', field_name: 'status', value: 'closed', previous_value: 'solved' })],
    });
    expect((await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } })).status).toBe(422);
  });

  it('counts from the last time the ticket was solved', async () => {
    zendesk = await anEmulator();
    const ticket = await aTicket(zendesk, { status: 'solved', assignee_id: 10001 });
    zendesk.clock.advance(48 * HOUR);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'open' } });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { status: 'solved' } });
    zendesk.clock.advance(60 * HOUR);
    expect(zendesk.state.tickets.get(ticket.id)?.status).toBe('solved');
    zendesk.clock.advance(37 * HOUR);
    expect(zendesk.state.tickets.get(ticket.id)?.status).toBe('closed');
  });

  it('is an update "via rule" for triggers, so a "not via web service" trigger still fires', async () => {
    zendesk = await anEmulator();
    await zendesk.call('POST', '/api/v2/triggers', {
      trigger: {
        title: 'Not by the API',
        conditions: { all: [{ field: 'current_via_id', operator: 'is_not', value: '5' }, { field: 'update_type', operator: 'is', value: 'Change' }] },
        actions: [{ field: 'notification_user', value: ['requester_id', 'Closed', '{{ticket.status}}'] }],
      },
    });
    const ticket = await aTicket(zendesk, { status: 'solved', assignee_id: 10001 });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } });
    expect(zendesk.admin.outbox()).toHaveLength(0);
    zendesk.clock.advance(97 * HOUR);
    expect(zendesk.admin.outbox().map((mail) => mail.body)).toEqual(['Closed']);
  });

  it('can be switched off, as an admin can deactivate it', async () => {
    zendesk = await anEmulator({ closeSolvedTickets: false });
    const ticket = await aTicket(zendesk, { status: 'solved', assignee_id: 10001 });
    zendesk.clock.advance(30 * 24 * HOUR);
    expect(zendesk.state.tickets.get(ticket.id)?.status).toBe('solved');
  });
});
