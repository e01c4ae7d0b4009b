import { EMAIL_SLOT_MS, writebackNotBefore } from '../../../src/server/pipeline/writeback-window';
import type { WritebackDesired } from '../../../src/server/store/sla-store';
import { TEST_DIALECTS } from '../../support/test-database';
import { tokenAuth } from '../../sandbox/emulator/support/emulator-fixture';
import { addEscalationTrigger, aPolicyBody, expectEscalatedFirstReply, aPipelineWorld, SERVER_USER_EMAIL, waitFor, type PipelineWorld } from './support/pipeline-fixture';

const WINDOW = 30_000;
const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const MINUTE = 60_000;
const fieldsOnly: WritebackDesired = { customFields: { '1': '2026-11-23T09:00:00Z' }, addTags: [], removeTags: ['sla_due_soon'] };
const withTag: WritebackDesired = { ...fieldsOnly, addTags: ['sla_due_soon'], removeTags: [] };

describe('writebackNotBefore', () => {
  const now = Date.parse('2026-11-23T08:00:07.250Z');
  const at = (input: Partial<Parameters<typeof writebackNotBefore>[0]>) =>
    writebackNotBefore({ now, windowMs: WINDOW, accountId: 'acc-1', tags: [], desired: fieldsOnly, ...input });

  it('holds a write that adds no tag until the end of the account window, the same for every process', () => {
    const end = at({});
    expect(end).toBeGreaterThanOrEqual(now);
    expect(end - now).toBeLessThan(WINDOW);
    // Every change within the window goes at the same instant; the next window ends one window later.
    expect(at({ now: end - WINDOW + 1 })).toBe(end);
    expect(at({ now: end + 1 })).toBe(end + WINDOW);
  });

  it('gives accounts windows of their own phase', () => {
    const ends = new Set(['acc-1', 'acc-2', 'acc-3', 'acc-4', 'acc-5'].map((accountId) => at({ accountId })));
    expect(ends.size).toBeGreaterThan(1);
  });

  it('sends a breach’s tag at once: the Out-of-SLA email is promised within seconds of the due time', () => {
    const breach: WritebackDesired = { ...fieldsOnly, addTags: ['sla_due_soon', 'sla_out_first_reply_time'], onceTags: ['sla_budget_1'] };
    expect(at({ desired: breach })).toBe(now);
    // Shown already (the breach was written before): no email to send, the refresh waits.
    expect(at({ desired: { ...breach, onceTags: [] }, tags: ['sla_due_soon', 'sla_out_first_reply_time'] })).toBe(at({}));
  });

  it('sends a warning’s tag the ticket does not have yet within the email slot: it fires an email trigger, promised at the minute', () => {
    const slotEnd = at({ desired: withTag });
    expect(slotEnd).toBeGreaterThanOrEqual(now);
    expect(slotEnd - now).toBeLessThan(EMAIL_SLOT_MS);
    // Every tag of the account within the slot goes at the same instant, and the window's end is a slot's end.
    expect(at({ desired: withTag, now: slotEnd - EMAIL_SLOT_MS + 1 })).toBe(slotEnd);
    expect(at({ desired: withTag, now: at({}) })).toBe(at({}));
    expect(at({ desired: { ...fieldsOnly, onceTags: ['sla_budget_1'] } })).toBe(slotEnd);
    // A tag the ticket already shows fires nothing: the refresh waits like any other.
    expect(at({ desired: withTag, tags: ['sla_due_soon', 'vip'] })).toBe(at({}));
  });

  it('never holds a tag longer than a window shorter than the slot', () => {
    const end = at({ windowMs: 5_000, desired: withTag });
    expect(end - now).toBeLessThan(5_000);
    expect(end).toBe(at({ windowMs: 5_000 }));
  });

  it('writes at once with no window', () => {
    expect(at({ windowMs: 0 })).toBe(now);
  });
});

/** The window end to end: the server's Zendesk calls, counted by the emulator. */
describe.each(TEST_DIALECTS)('the write-back window against Zendesk on %s', (dialect) => {
  let world: PipelineWorld;
  let serverUserId: number;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })], { writebackWindowMs: WINDOW });
    // A second into the account's window that holds the office's opening: what is queued now waits for its end.
    // The office opens at 08:00Z, so the due times are as if the tickets came at the opening.
    const open = Date.parse(MONDAY_OPEN);
    world.zendesk.admin.setTime(new Date(windowEndAt(open) - WINDOW + 1_000).toISOString());
    serverUserId = (await world.zendesk.call('GET', '/api/v2/users/me', undefined, tokenAuth(SERVER_USER_EMAIL))).body.user.id as number;
  });
  afterEach(() => world.close());

  async function customerTicket(): Promise<number> {
    const users = (await world.zendesk.call('GET', '/api/v2/users.json?role=end-user')).body.users as { id: number; email: string }[];
    const customer = users.find((u) => u.email === world.customerEmail);
    const reply = await world.zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: 'Printer on fire', requester_id: customer?.id, assignee_id: world.agentId, group_id: 20001, priority: 'normal', comment: { body: 'Help', author_id: customer?.id } },
    });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.ticket.id as number;
  }

  /** The server's ticket writes so far, by route. */
  const serverWrites = () => {
    const writes: Record<string, number> = {};
    for (const c of world.zendesk.admin.apiRequestCounts()) {
      if (c.method === 'GET' || !c.route.startsWith('/api/v2/tickets') || c.userId !== serverUserId) continue;
      writes[c.route] = (writes[c.route] ?? 0) + c.count;
    }
    return writes;
  };
  const windowEndAt = (now: number) => writebackNotBefore({ now, windowMs: WINDOW, accountId: world.account.id, tags: [], desired: fieldsOnly });
  const windowEnd = () => windowEndAt(world.zendesk.clock.now());
  const slotEndAt = (now: number) => writebackNotBefore({ now, windowMs: WINDOW, accountId: world.account.id, tags: [], desired: withTag });

  it('holds the window’s field changes and sends them as one update_many', async () => {
    const before = serverWrites();
    const tickets = [await customerTicket(), await customerTicket(), await customerTicket()];
    await world.settle();
    const end = windowEnd();
    expect(end).toBeGreaterThan(world.zendesk.clock.now());
    // Assessed and queued, not yet written: Zendesk shows nothing of ours until the window ends.
    for (const id of tickets) expect((await world.slaOf(id)).fields.sla_policy).toBeNull();
    expect(serverWrites()).toEqual(before);
    world.zendesk.admin.setTime(new Date(end).toISOString());
    await world.settle();
    for (const id of tickets) expect((await world.slaOf(id)).fields).toMatchObject({ sla_policy: 'Standard', sla_due_first_reply_time: '2026-11-23T09:00:00Z' });
    const writes = serverWrites();
    const made = Object.fromEntries(Object.entries(writes).map(([route, n]) => [route, n - (before[route] ?? 0)]).filter(([, n]) => n !== 0));
    expect(made).toEqual({ '/api/v2/tickets/update_many': 1 });
    // One show_many vouched that the job changed nothing else: the three echoes were assessed with no read.
    const serverReads = (route: string) =>
      world.zendesk.admin
        .apiRequestCounts()
        .filter((c) => c.method === 'GET' && c.route === route && c.userId === serverUserId)
        .reduce((n, c) => n + c.count, 0);
    expect(serverReads('/api/v2/tickets/:id/audits')).toBe(3);
    expect(serverReads('/api/v2/tickets/show_many')).toBe(1);
  });

  it('reads the echo of a batch when a trigger it fired changed the ticket: the SLA follows the change', async () => {
    await addEscalationTrigger(world);
    const tickets = [await customerTicket(), await customerTicket(), await customerTicket()];
    await world.settle();
    world.zendesk.admin.setTime(new Date(windowEnd()).toISOString());
    await world.settle();
    world.zendesk.admin.setTime(new Date(windowEnd()).toISOString());
    await world.settle();
    for (const id of tickets) await expectEscalatedFirstReply(world, id);
  });

  it('lets the window’s waiting writes ride along with a tag’s write: one update_many, before the window ends', async () => {
    const first = await customerTicket();
    await world.settle();
    world.zendesk.admin.setTime(new Date(windowEnd()).toISOString());
    await world.settle();
    // 08:45, the first ticket's warning, inside a window's first email slot; a new ticket comes at the same moment.
    let dueSoon = Date.parse('2026-11-23T08:45:00Z');
    while (slotEndAt(dueSoon) === windowEndAt(dueSoon) || slotEndAt(dueSoon) === dueSoon) dueSoon += 5_000;
    world.zendesk.admin.setTime(new Date(dueSoon).toISOString());
    const second = await customerTicket();
    await world.settle();
    const before = serverWrites();
    world.zendesk.admin.setTime(new Date(slotEndAt(dueSoon)).toISOString());
    await world.settle();
    expect((await world.slaOf(first)).tags).toContain('sla_due_soon');
    // The second ticket's fields would have waited for the window's end; they went with the tag.
    expect(world.zendesk.clock.now()).toBeLessThan(windowEndAt(dueSoon));
    expect((await world.slaOf(second)).fields).toMatchObject({ sla_policy: 'Standard', sla_status: 'sla_status_on_track' });
    const made = Object.entries(serverWrites()).map(([route, n]) => [route, n - (before[route] ?? 0)]).filter(([, n]) => n !== 0);
    expect(made).toEqual([['/api/v2/tickets/update_many', 1]]);
  });

  it('writes the due-soon tag within its email slot, without waiting for the window, and the email goes', async () => {
    const ticketId = await customerTicket();
    await world.settle();
    world.zendesk.admin.setTime(new Date(windowEnd()).toISOString());
    await world.settle();
    expect((await world.slaOf(ticketId)).fields.sla_status).toBe('sla_status_on_track');

    // 09:45 Warsaw, 15 minutes before the first reply is due: the warning. Seen a little later, inside the first
    // email slot of a window, so that the tag's write shows it waits for its slot and not for the window's end.
    let dueSoon = Date.parse('2026-11-23T08:45:00Z');
    while (slotEndAt(dueSoon) === windowEndAt(dueSoon) || slotEndAt(dueSoon) === dueSoon) dueSoon += 5_000;
    const mailsBefore = world.zendesk.admin.outbox().length;
    world.zendesk.admin.setTime(new Date(dueSoon).toISOString());
    await world.settle();
    expect((await world.slaOf(ticketId)).tags).not.toContain('sla_due_soon');
    const slotEnd = slotEndAt(dueSoon);
    expect(slotEnd - dueSoon).toBeLessThan(EMAIL_SLOT_MS);
    world.zendesk.admin.setTime(new Date(slotEnd).toISOString());
    await waitFor(async () => (await world.slaOf(ticketId)).tags.includes('sla_due_soon'));
    await world.settle();
    const shown = await world.slaOf(ticketId);
    expect(shown.fields.sla_status).toBe('sla_status_due_soon');
    expect(world.zendesk.clock.now()).toBe(slotEnd);
    expect(slotEnd).toBeLessThan(windowEndAt(dueSoon));
    expect(world.zendesk.admin.outbox().length).toBeGreaterThan(mailsBefore);

    // The agent's reply meets the first reply: a refresh with no new tag, held for the window again.
    // A minute later, away from a window's end so that the hold shows.
    let replyAt = slotEnd + MINUTE;
    if (windowEndAt(replyAt) - replyAt < 1_000) replyAt += 2_000;
    world.zendesk.admin.setTime(new Date(replyAt).toISOString());
    await world.zendesk.call('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket: { comment: { body: 'On it', public: true, author_id: world.agentId }, status: 'open' } });
    await world.settle();
    const end = windowEnd();
    expect(end).toBeGreaterThan(world.zendesk.clock.now());
    expect((await world.slaOf(ticketId)).fields.sla_due_first_reply_time).toBe('2026-11-23T09:00:00Z');
    world.zendesk.admin.setTime(new Date(end).toISOString());
    await world.settle();
    const replied = await world.slaOf(ticketId);
    expect(replied.fields.sla_due_first_reply_time).toBeNull();
    expect(replied.tags).not.toContain('sla_due_soon');
  });
});
