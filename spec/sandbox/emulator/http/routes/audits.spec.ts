import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('audit and comment routes', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('lists a ticket\'s audits oldest first with cursor pagination', async () => {
    const ticket = await aTicket(zendesk);
    for (const priority of ['low', 'normal', 'high']) {
      zendesk.clock.advance(60_000);
      await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority } });
    }
    const first = await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits.json?page[size]=3`);
    expect(first.body.audits).toHaveLength(3);
    expect(first.body.audits[0]).toMatchObject({ ticket_id: ticket.id, author_id: 10001, created_at: '2026-11-22T10:00:00Z', via: { channel: 'api' } });
    expect(first.body.meta.has_more).toBe(true);
    const rest = await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits?page[size]=3&page[after]=${first.body.meta.after_cursor}`);
    expect(rest.body.audits.map((a: { created_at: string }) => a.created_at)).toEqual(['2026-11-22T10:03:00Z']);
    expect(rest.body.audits[0].events).toEqual([
      expect.objectContaining({ type: 'Change', field_name: 'priority', value: 'high', previous_value: 'normal' }),
    ]);
    const one = await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits/${rest.body.audits[0].id}`);
    expect(one.body.audit.id).toBe(rest.body.audits[0].id);
  });

  it('lists comments with author, visibility and time', async () => {
    const agent = zendesk.admin.addUser({ name: 'Agent', email: 'agent@sandbox.test', role: 'agent' });
    const ticket = await aTicket(zendesk, { comment: { body: 'First' } });
    zendesk.clock.advance(300_000);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: 'Internal', public: false, author_id: agent.id } } });
    const comments = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/comments`)).body.comments;
    expect(comments.map((c: Record<string, unknown>) => [c.body, c.public, c.author_id, c.created_at])).toEqual([
      ['First', true, 10001, '2026-11-22T10:00:00Z'],
      ['Internal', false, agent.id, '2026-11-22T10:05:00Z'],
    ]);
  });

  it('answers 404 for audits of an unknown ticket', async () => {
    expect((await zendesk.call('GET', '/api/v2/tickets/77/audits')).status).toBe(404);
  });
});
