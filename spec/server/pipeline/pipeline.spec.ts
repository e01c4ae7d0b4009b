import { TEST_DIALECTS } from '../../support/test-database';
import { addEscalationTrigger, aPolicyBody, aPipelineWorld, expectEscalatedFirstReply, waitFor, type PipelineWorld } from './support/pipeline-fixture';

/** Monday 23 November 2026, 09:00 in Warsaw: the office has just opened. */
const MONDAY_OPEN = '2026-11-23T08:00:00Z';
const MINUTE = 60_000;

/**
 * Issue #3's "what must be shown", end to end: Zendesk (the emulator) calls the server's webhook on every change,
 * the server reads the ticket and its audits, assesses, and writes its fields and tags back; the email triggers
 * installed with the app send the Out-of-SLA mails.
 */
describe.each(TEST_DIALECTS)('the pipeline against Zendesk on %s', (dialect) => {
  let world: PipelineWorld;
  beforeEach(async () => {
    world = await aPipelineWorld(dialect, (scheduleId) => [aPolicyBody({ scheduleId })]);
    world.zendesk.admin.setTime(MONDAY_OPEN);
  });
  afterEach(() => world.close());

  async function customerTicket(fields: Record<string, unknown> = {}): Promise<number> {
    const users = (await world.zendesk.call('GET', '/api/v2/users.json?role=end-user')).body.users as { id: number; email: string }[];
    const customer = users.find((u) => u.email === world.customerEmail);
    if (!customer) throw new Error('no customer');
    const reply = await world.zendesk.call('POST', '/api/v2/tickets.json', {
      ticket: { subject: 'Printer on fire', requester_id: customer.id, assignee_id: world.agentId, group_id: 20001, priority: 'normal', comment: { body: 'Help', author_id: customer.id }, ...fields },
    });
    if (reply.status !== 201) throw new Error(JSON.stringify(reply.body));
    return reply.body.ticket.id as number;
  }

  const update = (ticketId: number, ticket: Record<string, unknown>) => world.zendesk.call('PUT', `/api/v2/tickets/${ticketId}.json`, { ticket });
  const agentReply = (ticketId: number, extra: Record<string, unknown> = {}) => update(ticketId, { comment: { body: 'On it', public: true, author_id: world.agentId }, ...extra });

  it('writes the policy, status and due times on a new ticket; a public agent reply meets the first reply', async () => {
    const ticketId = await customerTicket();
    await world.settle();
    const created = await world.slaOf(ticketId);
    expect(created.fields).toMatchObject({
      sla_policy: 'Standard',
      sla_status: 'sla_status_on_track',
      sla_due_first_reply_time: '2026-11-23T09:00:00Z',
      sla_next_due_at: '2026-11-23T09:00:00Z',
      sla_due_requester_wait_time: '2026-11-23T16:00:00Z',
    });

    world.zendesk.admin.advanceTime(20 * MINUTE);
    await agentReply(ticketId, { status: 'open' });
    await world.settle();
    const replied = await world.slaOf(ticketId);
    expect(replied.fields.sla_due_first_reply_time).toBeNull();
    expect(replied.fields.sla_next_due_at).toBe('2026-11-23T16:00:00Z');
    const state = await world.server.store.getTicketState(world.account.id, String(ticketId));
    expect(state?.assessment?.metrics.first_reply_time.state).toMatchObject({ kind: 'met', fulfilledAt: Date.parse('2026-11-23T08:20:00Z') });
  });

  it('reads the echo of its own write when a trigger it fired changed the ticket, even in the same second', async () => {
    // The clock stands still, so the creation, our write and the trigger's change all carry the same second.
    await addEscalationTrigger(world);
    const ticketId = await customerTicket();
    await world.settle();
    await expectEscalatedFirstReply(world, ticketId);
  });

  it('reads the ticket once per change made by someone else: the echo of its own write costs no read', async () => {
    const ticketId = await customerTicket();
    await world.settle();
    expect((await world.slaOf(ticketId)).fields.sla_status).toBe('sla_status_on_track');
    const auditReads = world.zendesk.admin
      .apiRequestCounts()
      .filter((c) => c.method === 'GET' && c.route.startsWith('/api/v2/tickets/:id/audits'))
      .reduce((sum, c) => sum + c.count, 0);
    // The creation's delivery is read; our write-back's own delivery is not.
    expect(auditReads).toBe(1);
  });

  it('notices a breach with no update: status breached, tag set, one email per recipient, once', async () => {
    const ticketId = await customerTicket();
    await world.settle();
    const mailsBefore = world.zendesk.admin.outbox().length;
    world.zendesk.admin.advanceTime(50 * MINUTE); // due soon (warning 15 minutes before 10:00 Warsaw)
    await world.settle();
    await waitFor(async () => (await world.slaOf(ticketId)).tags.includes('sla_due_soon'));
    expect((await world.slaOf(ticketId)).fields.sla_status).toBe('sla_status_due_soon');

    world.zendesk.admin.advanceTime(11 * MINUTE); // 10:01 Warsaw: first reply breached
    await waitFor(async () => (await world.slaOf(ticketId)).tags.includes('sla_out_first_reply_time'));
    await world.settle();
    const breached = await world.slaOf(ticketId);
    expect(breached.fields.sla_status).toBe('sla_status_breached');
    expect(breached.tags).toEqual(expect.arrayContaining(['sla_out_first_reply_time', 'sla_notified_out_assignee', 'sla_notified_out_group']));

    // Time goes on and the scheduler wakes again: nothing new is sent.
    world.zendesk.admin.advanceTime(30 * MINUTE);
    await sleep(100);
    await world.settle();
    const mails = world.zendesk.admin.outbox().slice(mailsBefore).filter((m) => m.ticketId === ticketId);
    // The assignee trigger mails Alice; the group trigger mails the group (Alice and the admin): each trigger
    // mails each of its recipients exactly once.
    const outOfSla = mails.filter((m) => m.subject.includes('Out of SLA')).map((m) => `${m.triggerId} ${m.to}`).sort();
    expect(outOfSla).toEqual([...new Set(outOfSla)]);
    expect(outOfSla).toHaveLength(3);
    expect(mails.filter((m) => m.subject.includes('due soon')).map((m) => m.to)).toEqual(['alice@sandbox.test']);
    expect(await world.server.store.listBreaches(world.account.id, String(ticketId))).toHaveLength(1);
  });

  it('recalculates the due time when the priority is raised, and pauses requester wait while pending', async () => {
    const ticketId = await customerTicket();
    await world.settle();
    world.zendesk.admin.advanceTime(5 * MINUTE);
    await update(ticketId, { priority: 'urgent' });
    await world.settle();
    expect((await world.slaOf(ticketId)).fields.sla_due_first_reply_time).toBe('2026-11-23T08:30:00Z');

    await agentReply(ticketId, { status: 'pending' });
    await world.settle();
    const pending = await world.slaOf(ticketId);
    expect(pending.fields).toMatchObject({ sla_status: 'sla_status_paused', sla_due_requester_wait_time: null, sla_next_due_at: null });
  });

  it('lands the write once through 429, 500 and a conflicting agent save, keeping the agent\'s change', async () => {
    // The server's read of the audits is slow: the agent saves the ticket between its read and its write.
    world.zendesk.admin.injectRequestFaults({ fault: { kind: 'delay', delayMs: 400 }, count: 1, method: 'GET', path: '^/api/v2/tickets/\\d+/audits' });
    const ticketId = await customerTicket();
    await sleep(150);
    expect((await update(ticketId, { additional_tags: ['vip_callback'], comment: { body: 'Calling them', public: false, author_id: world.agentId } })).status).toBe(200);
    // Then Zendesk refuses the server's write twice before it meets the conflict.
    world.zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 429, retryAfterSeconds: 1 }, count: 1, method: 'PUT', path: '^/api/v2/tickets/\\d+' });
    world.zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 500 }, count: 1, method: 'PUT', path: '^/api/v2/tickets/\\d+' });
    // Retry-After and the backoff count on the shared clock: let it run on.
    for (let i = 0; i < 40 && (await world.slaOf(ticketId)).fields.sla_status !== 'sla_status_on_track'; i++) {
      world.zendesk.admin.advanceTime(2_000);
      await sleep(50);
    }
    await world.settle();
    const sla = await world.slaOf(ticketId);
    expect(sla.fields.sla_status).toBe('sla_status_on_track');
    expect(sla.tags).toContain('vip_callback');
    const audits = (await world.zendesk.call('GET', `/api/v2/tickets/${ticketId}/audits.json`)).body.audits as { events: { type: string; field_name?: string }[] }[];
    const ourWrites = audits.filter((a) => a.events.some((e) => e.type === 'Change' && e.field_name === world.fieldIds.sla_status));
    expect(ourWrites).toHaveLength(1);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
