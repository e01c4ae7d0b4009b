import { SignJWT } from 'jose';
import pino from 'pino';
import { assessTicket, createSchedule, snapshotAt, type TicketEvent, type TicketSnapshot } from '../../../../src/core';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import type { TicketSlaResponse } from '../../../../src/server/http/routes/ticket-sla';
import type { Account } from '../../../../src/server/store/sla-store';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../../support/test-database';

/** Monday 2026-03-02, 10:00 in Warsaw. */
const NOW = Date.parse('2026-03-02T09:00:00Z');
const CREATED = Date.parse('2026-03-02T08:30:00Z');
const SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';
const WARSAW_OFFICE = { timeZone: 'Europe/Warsaw', week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] } } as const;

const aTicket = (overrides: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  id: '42', status: 'new', priority: 'normal', type: null, groupId: null, assigneeId: null, brandId: null, organizationId: null,
  ticketFormId: null, requesterEmail: 'ana@example.com', tags: [], via: 'web', customFields: {}, ...overrides,
});

describe.each(TEST_DIALECTS)('GET /api/tickets/:ticketId/sla on %s', (dialect) => {
  const store = useTestStore(dialect);
  let app: HttpServer;
  beforeAll(async () => {
    const config = loadConfig({});
    if (!config.ok) throw new Error('config');
    app = await buildHttpServer({ config: config.value, store: store(), clock: { now: () => NOW }, log: pino({ level: 'silent' }) });
  });
  afterAll(() => app.close());

  async function get(account: Account, ticketId: string) {
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(account.subdomain).setSubject('7').setExpirationTime(Math.floor(NOW / 1000) + 300).sign(new TextEncoder().encode(SECRET));
    return app.inject({ method: 'GET', url: `/api/tickets/${ticketId}/sla`, headers: { authorization: `Bearer ${jwt}` } });
  }

  /**
   * Gives `account` a Warsaw office schedule, a catch-all "Standard" policy and a more specific "Urgent" one
   * (first reply 2 business hours / 30 business minutes, total resolution 24 calendar hours), and ticket 42's
   * history as the pipeline would store it.
   */
  async function seed(account: Account, events: readonly TicketEvent[]): Promise<{ standardId: string; urgentId: string; scheduleId: string }> {
    const schedule = await store().saveSchedule({ accountId: account.id, name: 'Warsaw office', spec: WARSAW_OFFICE, now: NOW });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    const scheduleId = schedule.value.id;
    const policy = async (title: string, all: TicketSnapshot['priority'] | null, firstReplyMinutes: number) => {
      const saved = await store().savePolicy({
        accountId: account.id,
        authorId: null,
        now: NOW,
        body: {
          title, description: '', active: true,
          filter: { all: all ? [{ field: 'priority', operator: 'is', value: all }] : [], any: [] },
          targets: [
            { metric: 'first_reply_time', priority: 'any', targetMinutes: firstReplyMinutes, hours: 'business', scheduleId, warnMinutesBefore: 15 },
            { metric: 'total_resolution_time', priority: 'any', targetMinutes: 24 * 60, hours: 'calendar' },
          ],
        },
      });
      if (saved.kind !== 'saved') throw new Error(saved.kind);
      return saved.value.id;
    };
    const standardId = await policy('Standard', null, 120);
    const urgentId = await policy('Urgent', 'urgent', 30);
    await store().appendTicketEvents({ accountId: account.id, ticketId: '42', events: events.map((event, i) => ({ sourceId: `audit:${i}`, event })) });
    return { standardId, urgentId, scheduleId };
  }

  it("assesses the caller's ticket live from its history, policies and schedules, and never another account's", async () => {
    const owner = await createTestAccount(store(), { appSharedSecret: SECRET });
    const neighbour = await createTestAccount(store(), { appSharedSecret: SECRET });
    const { standardId } = await seed(owner, [{ type: 'created', at: CREATED, ticket: aTicket() }]);

    const mine = await get(owner, '42');
    expect(mine.statusCode).toBe(200);
    const body = mine.json<TicketSlaResponse>();
    expect(body).toMatchObject({ ticketId: '42', serverNow: NOW, policy: { id: standardId, title: 'Standard' } });
    // 09:30 → 11:30 Warsaw: two business hours of the office schedule, 30 minutes of them gone at 10:00.
    expect(body.assessment?.metrics.first_reply_time.state).toMatchObject({
      kind: 'active', dueAt: Date.parse('2026-03-02T10:30:00Z'), remainingBusinessMinutes: 90, policy: { title: 'Standard' },
    });
    expect(body.assessment?.metrics.total_resolution_time.state).toMatchObject({ kind: 'active', dueAt: CREATED + 86_400_000 });

    const theirs = await get(neighbour, '42');
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toEqual({ ticketId: '42', serverNow: NOW, policy: null, assessment: null, inputs: null });
  });

  it('sends the inputs the assessment came from, so the sidebar computes the very same assessment', async () => {
    const account = await createTestAccount(store(), { appSharedSecret: SECRET });
    const history: TicketEvent[] = [
      { type: 'created', at: CREATED, ticket: aTicket() },
      { type: 'priority_changed', at: CREATED + 10 * 60_000, from: 'normal', to: 'urgent' },
    ];
    const { urgentId, scheduleId } = await seed(account, history);
    const body = (await get(account, '42')).json<TicketSlaResponse>();
    if (!body.inputs) throw new Error('no inputs');

    expect(body.policy).toEqual({ id: urgentId, title: 'Urgent' });
    expect(body.inputs.history).toEqual(history);
    expect(body.inputs.policies.map((p) => [p.title, p.position])).toEqual([['Standard', expect.any(Number)], ['Urgent', expect.any(Number)]]);
    expect(body.inputs.schedules).toEqual({ [scheduleId]: WARSAW_OFFICE });
    const again = assessTicket({
      ticket: snapshotAt(body.inputs.history, body.serverNow),
      history: body.inputs.history,
      policies: body.inputs.policies,
      schedules: { [scheduleId]: createSchedule(body.inputs.schedules[scheduleId]) },
      now: body.serverNow,
    });
    expect(body.assessment).toEqual(JSON.parse(JSON.stringify(again)));
    // Urgent since 09:40: 30 business minutes from 09:30 were due at 10:00 Warsaw, which is now: breached.
    expect(body.assessment?.metrics.first_reply_time.state).toMatchObject({ kind: 'breached', dueAt: NOW });
    expect(body.assessment?.timeline).toEqual([expect.objectContaining({ kind: 'policy_changed' }), expect.objectContaining({ kind: 'priority_changed', to: 'urgent' })]);
  });

  it('answers nulls for a ticket whose history has not reached the server yet', async () => {
    const account = await createTestAccount(store(), { appSharedSecret: SECRET });
    expect((await get(account, '43')).json()).toEqual({ ticketId: '43', serverNow: NOW, policy: null, assessment: null, inputs: null });
  });

  it('refuses a ticket id that is not a positive integer', async () => {
    const account = await createTestAccount(store(), { appSharedSecret: SECRET });
    const response = await get(account, 'abc');
    expect([response.statusCode, response.json().error.code]).toEqual([400, 'invalid_ticket_id']);
  });
});
