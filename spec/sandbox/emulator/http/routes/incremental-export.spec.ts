import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

const epoch = (iso: string): number => Date.parse(iso) / 1000;

describe('incremental ticket export (cursor)', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const exportFrom = async (query: string) => zendesk.call('GET', `/api/v2/incremental/tickets/cursor.json?${query}`);

  it('refuses a start_time less than a minute ago (400)', async () => {
    const reply = await exportFrom(`start_time=${epoch('2026-11-22T09:59:30Z')}`);
    expect(reply.status).toBe(400);
    expect(reply.body.description).toMatch(/Too recent start_time/);
  });

  it('returns tickets updated at or after start_time, leaving out the most recent minute', async () => {
    const first = await aTicket(zendesk); // 10:00:00
    zendesk.clock.advance(30_000);
    const second = await aTicket(zendesk); // 10:00:30
    zendesk.clock.advance(45_000); // now 10:01:15: the first is 75 s old, the second only 45 s
    const reply = await exportFrom(`start_time=${epoch('2026-11-22T10:00:00Z')}`);
    expect(reply.body.tickets.map((t: { id: number }) => t.id)).toEqual([first.id]);
    expect(reply.body).toMatchObject({ end_of_stream: true, before_cursor: null, after_url: expect.stringContaining('cursor=') });
    zendesk.clock.advance(60_000);
    const later = await zendesk.call('GET', new URL(reply.body.after_url).pathname + new URL(reply.body.after_url).search);
    expect(later.body.tickets.map((t: { id: number }) => t.id)).toEqual([second.id]);
  });

  it('pages with per_page and continues from after_cursor; a ticket updated again comes again', async () => {
    const tickets = [await aTicket(zendesk), await aTicket(zendesk), await aTicket(zendesk)];
    zendesk.clock.advance(120_000);
    const page1 = await exportFrom(`start_time=${epoch('2026-11-22T10:00:00Z')}&per_page=2`);
    expect(page1.body.tickets.map((t: { id: number }) => t.id)).toEqual([tickets[0].id, tickets[1].id]);
    expect(page1.body.end_of_stream).toBe(false);
    const page2 = await exportFrom(`cursor=${page1.body.after_cursor}&per_page=2`);
    expect(page2.body.tickets.map((t: { id: number }) => t.id)).toEqual([tickets[2].id]);
    expect(page2.body.end_of_stream).toBe(true);
    const empty = await exportFrom(`cursor=${page2.body.after_cursor}`);
    expect(empty.body.tickets).toEqual([]);
    expect(empty.body.after_cursor).toBe(page2.body.after_cursor);
    await zendesk.call('PUT', `/api/v2/tickets/${tickets[0].id}`, { ticket: { priority: 'high' } });
    zendesk.clock.advance(61_000);
    const again = await exportFrom(`cursor=${page2.body.after_cursor}`);
    expect(again.body.tickets.map((t: { id: number; priority: string }) => [t.id, t.priority])).toEqual([[tickets[0].id, 'high']]);
  });

  it('allows 10 export requests a minute', async () => {
    zendesk.clock.advance(120_000);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i += 1) statuses.push((await exportFrom(`start_time=${epoch('2026-11-22T10:00:00Z')}`)).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
  });
});

describe('deleted tickets', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('vanish from the API (404) and come through the export as status "deleted" at their deletion time', async () => {
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(120_000);
    expect((await zendesk.call('DELETE', `/api/v2/tickets/${ticket.id}`)).status).toBe(204);
    expect((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`)).status).toBe(404);
    expect((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits`)).status).toBe(404);
    expect((await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } })).status).toBe(404);
    expect((await zendesk.call('GET', '/api/v2/tickets')).body.tickets).toEqual([]);
    zendesk.clock.advance(61_000);
    const exported = await zendesk.call('GET', `/api/v2/incremental/tickets/cursor?start_time=${epoch('2026-11-22T10:01:00Z')}`);
    expect(exported.body.tickets.map((t: { id: number; status: string; updated_at: string }) => [t.id, t.status, t.updated_at])).toEqual([
      [ticket.id, 'deleted', '2026-11-22T10:02:00Z'],
    ]);
  });
});
