import { createClient } from 'node-zendesk';
import { anEmulator, ADMIN_EMAIL, API_TOKEN, type TestEmulator } from './support/emulator-fixture';

/**
 * The emulator driven by a Zendesk client nobody here wrote (node-zendesk 6): if it builds its URLs, auth and
 * pagination against the emulator and gets back what the emulator's state holds, the emulator speaks Zendesk's
 * protocol rather than a dialect our own client happens to share.
 */
describe('node-zendesk against the emulator', () => {
  let zendesk: TestEmulator;
  let client: ReturnType<typeof createClient>;
  beforeEach(async () => {
    zendesk = await anEmulator();
    // node-zendesk appends the path (and ".json") to endpointUri; subdomain would point at *.zendesk.com.
    client = createClient({ username: ADMIN_EMAIL, token: API_TOKEN, endpointUri: `${zendesk.url}/api/v2` });
  });
  afterEach(() => zendesk.close());

  it('creates, shows and updates a ticket; the emulator state agrees', async () => {
    const { result: created } = (await client.tickets.create({
      ticket: { subject: 'Printer on fire', comment: { body: 'It is on fire.' }, priority: 'urgent' } as never,
    })) as { result: { id: number; status: string } };
    expect(zendesk.state.tickets.get(created.id)).toMatchObject({ subject: 'Printer on fire', priority: 'urgent', status: 'new' });
    const { result: shown } = (await client.tickets.show(created.id)) as { result: { id: number; subject: string } };
    expect(shown).toMatchObject({ id: created.id, subject: 'Printer on fire' });
    const { result: updated } = (await client.tickets.update(created.id, {
      ticket: { status: 'pending', comment: { body: 'Waiting', public: false } } as never,
    })) as { result: { status: string } };
    expect(updated.status).toBe('pending');
    expect(zendesk.state.tickets.get(created.id)?.status).toBe('pending');
  });

  it('lists every ticket across cursor pages (node-zendesk asks page[size]=100 and follows links.next)', async () => {
    for (let i = 0; i < 205; i += 1) {
      await zendesk.call('POST', '/api/v2/tickets', { ticket: { subject: `t${i}`, comment: { body: 'b' } } });
    }
    const tickets = (await client.tickets.list()) as unknown as { id: number }[];
    expect(tickets.map((t) => t.id)).toEqual([...zendesk.state.tickets.keys()]);
  });

  it('reads audits (offset pagination) with the comment and change events the emulator recorded', async () => {
    const id = (await zendesk.call('POST', '/api/v2/tickets', { ticket: { subject: 's', comment: { body: 'first' } } })).body.ticket.id;
    zendesk.clock.advance(60_000);
    await zendesk.call('PUT', `/api/v2/tickets/${id}`, { ticket: { priority: 'high' } });
    const audits = (await client.tickets.exportAudit(id)) as unknown as { id: number; events: { type: string }[] }[];
    expect(audits.map((a) => a.id)).toEqual(zendesk.state.audits.get(id)?.map((a) => a.id));
    expect(audits[0]?.events[0]).toMatchObject({ type: 'Comment', body: 'first' });
    const comments = (await client.tickets.getComments(id)) as unknown as { body: string }[];
    expect(comments.map((c) => c.body)).toEqual(['first']);
  });

  it('reads users: me, one, all', async () => {
    zendesk.admin.addUser({ name: 'Agent', email: 'agent@sandbox.test', role: 'agent' });
    const { result: me } = (await client.users.me()) as { result: { id: number; email: string } };
    expect(me).toMatchObject({ id: 10001, email: ADMIN_EMAIL });
    const { result: one } = (await client.users.show(10001)) as { result: { name: string } };
    expect(one.name).toBe('Sandbox Admin');
    const all = (await client.users.list()) as unknown as { email: string }[];
    expect(all.map((u) => u.email)).toEqual([...zendesk.state.users.values()].map((u) => u.email));
  });

  it('creates and lists ticket fields, and creates and lists triggers', async () => {
    const { result: field } = (await client.ticketfields.create({ ticket_field: { type: 'text', title: 'SLA due at' } } as never)) as {
      result: { id: number };
    };
    expect(zendesk.state.ticketFields.get(field.id)?.title).toBe('SLA due at');
    const fields = (await client.ticketfields.list()) as unknown as { id: number }[];
    expect(fields.map((f) => f.id)).toContain(field.id);
    const { result: trigger } = (await client.triggers.create({
      trigger: {
        title: 'Notify requester',
        conditions: { all: [{ field: 'update_type', operator: 'is', value: 'Create' }], any: [] },
        actions: [{ field: 'notification_user', value: ['requester_id', 'Received', 'We got it'] }],
      },
    } as never)) as { result: { id: number } };
    expect(zendesk.state.triggers.get(trigger.id)?.title).toBe('Notify requester');
    const triggers = (await client.triggers.list()) as unknown as { id: number }[];
    expect(triggers.map((t) => t.id)).toEqual([trigger.id]);
    await client.tickets.create({ ticket: { subject: 's', comment: { body: 'b' } } as never });
    expect(zendesk.admin.outbox().map((m) => m.subject)).toEqual(['Received']);
  });

  it('surfaces the emulator\'s 401 and 409 as node-zendesk errors with their status codes', async () => {
    const stranger = createClient({ username: ADMIN_EMAIL, token: 'wrong', endpointUri: `${zendesk.url}/api/v2`, throwOriginalException: true });
    await expect(stranger.users.me()).rejects.toMatchObject({ statusCode: 401 });
    const created = (await zendesk.call('POST', '/api/v2/tickets', { ticket: { subject: 's', comment: { body: 'b' } } })).body.ticket;
    zendesk.clock.advance(1_000);
    await zendesk.call('PUT', `/api/v2/tickets/${created.id}`, { ticket: { priority: 'low' } });
    const strict = createClient({ username: ADMIN_EMAIL, token: API_TOKEN, endpointUri: `${zendesk.url}/api/v2`, throwOriginalException: true });
    await expect(
      strict.tickets.update(created.id, { ticket: { priority: 'high', safe_update: true, updated_stamp: created.updated_at } as never }),
    ).rejects.toMatchObject({ statusCode: 409, result: { error: 'UpdateConflict' } });
  });
});
