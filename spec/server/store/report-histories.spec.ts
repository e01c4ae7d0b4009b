import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import { recordOfTuple } from '../../../src/server/store/report-record-tuples';
import type { RecordSlice } from '../../../src/server/store/report-queries';
import type { Account, MetricRecord } from '../../../src/server/store/sla-store';
import { aTicket } from '../../support/a-ticket';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe.each(TEST_DIALECTS)('ticket histories and records for backtests on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  beforeEach(async () => {
    account = await createTestAccount(store());
  });

  it('reads several tickets in one go, each in stored order (not by instant), with text as written', async () => {
    const created: TicketEvent = { type: 'created', at: T0, ticket: aTicket({ id: '7', tags: ['vip', 'a,b', '"quoted"'], customFields: { '42': 'é ✓ 😀' } }) };
    // stored order is append order: an event dated before the one appended before it stays after it
    const later: TicketEvent = { type: 'status_changed', at: T0 + 60_000, from: 'new', to: 'open' };
    const earlier: TicketEvent = { type: 'comment', at: T0 + 30_000, public: true, authorRole: 'agent' };
    await store().appendTicketEvents({ accountId: account.id, ticketId: '7', events: [{ sourceId: 'c', event: created }, { sourceId: 's', event: later }] });
    await store().appendTicketEvents({ accountId: account.id, ticketId: '7', events: [{ sourceId: 'm', event: earlier }] });
    const other: TicketEvent = { type: 'created', at: T0, ticket: aTicket({ id: '10' }) };
    await store().appendTicketEvents({ accountId: account.id, ticketId: '10', events: [{ sourceId: 'c', event: other }] });
    // the same ticket id in another account is not read
    const elsewhere = await createTestAccount(store());
    await store().appendTicketEvents({ accountId: elsewhere.id, ticketId: '7', events: [{ sourceId: 'x', event: { type: 'comment', at: T0, public: false, authorRole: 'agent' } }] });

    const histories = await store().listTicketHistories(account.id, ['7', '10', 'missing']);
    expect([...histories.keys()].sort()).toEqual(['10', '7']);
    expect(histories.get('7')).toEqual([created, later, earlier]);
    expect(histories.get('10')).toEqual([other]);
    await expect(store().listTicketHistories(account.id, [])).resolves.toEqual(new Map());
  });

  it('keeps a long history whole', async () => {
    const events: TicketEvent[] = [{ type: 'created', at: T0, ticket: aTicket({ id: '1' }) }];
    for (let i = 1; i < 400; i++) events.push({ type: 'comment', at: T0 + i * 1000, public: i % 2 === 0, authorRole: i % 3 === 0 ? 'end_user' : 'agent' });
    await store().appendTicketEvents({ accountId: account.id, ticketId: '1', events: events.map((event, n) => ({ sourceId: String(n), event })) });
    const histories = await store().listTicketHistories(account.id, ['1']);
    expect(histories.get('1')).toEqual(events);
  });

  it('reads the slice records of some tickets, by ticket, exactly as listSliceRecords does (doubles to the last bit)', async () => {
    const record = (ticketId: string, metric: MetricRecord['metric'], instance: number, overrides: Partial<MetricRecord> = {}): MetricRecord => ({
      accountId: account.id,
      ticketId,
      metric,
      instance,
      policyId: 'p1',
      priority: 'high',
      groupId: 'g1',
      assigneeId: null,
      brandId: null,
      organizationId: 'org "vip", ✓',
      via: 'email',
      status: 'met',
      startedAt: T0,
      dueAt: T0 + 3_600_000,
      fulfilledAt: T0 + 60_000,
      breachedAt: null,
      businessMinutes: 1 / 3,
      calendarMinutes: 0.1 + 0.2,
      ...overrides,
    });
    const stored = [
      record('1', 'first_reply_time', 1),
      record('1', 'next_reply_time', 2, { status: 'breached', fulfilledAt: null, breachedAt: T0 + 7_200_000, businessMinutes: 1e-7, calendarMinutes: 123456789.12345679, priority: null, policyId: null }),
      record('1', 'next_reply_time', 3, { startedAt: T0 + 86_400_000 }), // after the slice
      record('2', 'first_reply_time', 1, { groupId: 'g2', businessMinutes: null, calendarMinutes: 30 }),
      record('3', 'first_reply_time', 1), // not asked for
    ];
    await store().saveMetricRecords(stored, T0);
    const elsewhere = await createTestAccount(store());
    await store().saveMetricRecords([record('1', 'agent_work_time', 1, { accountId: elsewhere.id })], T0);

    const slice = { accountId: account.id, from: T0, to: T0 + 86_400_000 };
    // The tuples as a backtest's reproduction check reads them, made records again to compare with the plain list.
    const recordsOf = async (of: RecordSlice, ticketIds: readonly string[]) =>
      new Map([...(await store().listSliceRecordTuplesOfTickets(of, ticketIds))].map(([ticketId, tuples]) => [ticketId, tuples.map((t) => recordOfTuple(ticketId, t))]));
    const byTicket = await recordsOf(slice, ['1', '2', 'missing']);
    const withoutAccount = ({ accountId: _, ...rest }: MetricRecord) => rest;
    const expected = (await store().listSliceRecords(slice)).filter((r) => r.ticketId !== '3').map(withoutAccount);
    expect(expected).toHaveLength(3);
    expect([...byTicket.keys()].sort()).toEqual(['1', '2']);
    const sorted = (records: readonly object[]) => [...records].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(sorted([...byTicket.values()].flat())).toEqual(sorted(expected));
    // the doubles that need 17 significant digits, outright
    expect(byTicket.get('1')?.find((r) => r.instance === 1)?.calendarMinutes).toBe(0.1 + 0.2);
    expect(byTicket.get('1')?.find((r) => r.instance === 1)?.businessMinutes).toBe(1 / 3);

    const g2 = await recordsOf({ ...slice, filters: { group: 'g2' } }, ['1', '2']);
    expect([...g2.keys()]).toEqual(['2']);
    const noPriority = await recordsOf({ ...slice, filters: { priority: null } }, ['1', '2']);
    expect([...noPriority.values()].flat().map((r) => `${r.ticketId}/${r.metric}#${r.instance}`)).toEqual(['1/next_reply_time#2']);
    await expect(store().listSliceRecordTuplesOfTickets(slice, [])).resolves.toEqual(new Map());
  });

  it('lists the tickets of a slice with the instant their records were computed at, whether the slice is most of the account or a small part', async () => {
    const record = (ticketId: string, instance: number, startedAt: number, groupId = 'g1'): MetricRecord => ({
      accountId: account.id,
      ticketId,
      metric: 'next_reply_time',
      instance,
      policyId: 'p1',
      priority: 'normal',
      groupId,
      assigneeId: null,
      brandId: null,
      organizationId: null,
      via: 'web',
      status: 'active',
      startedAt,
      dueAt: null,
      fulfilledAt: null,
      breachedAt: null,
      businessMinutes: 0,
      calendarMinutes: 0,
    });
    const DAY = 86_400_000;
    // ticket 10 recorded twice: the later save is the instant its records were computed at
    await store().saveMetricRecords([record('10', 1, T0), record('9', 1, T0 + 1, 'g2'), record('9', 2, T0 + 2, 'g2')], T0 + 100);
    await store().saveMetricRecords([record('10', 2, T0 + 3)], T0 + 200);
    const march = { accountId: account.id, from: T0, to: T0 + DAY };
    const expected = [
      { ticketId: '10', assessedAt: T0 + 200 },
      { ticketId: '9', assessedAt: T0 + 100 },
    ];
    // the period holds every record of the account
    await expect(store().listSliceTickets(march)).resolves.toEqual(expected);
    await expect(store().listSliceTickets({ ...march, filters: { group: 'g2' } })).resolves.toEqual([expected[1]]);
    // now a small part of it: many older records of other tickets
    const older = Array.from({ length: 40 }, (_, i) => record(`old${i}`, 1, T0 - 30 * DAY + i));
    await store().saveMetricRecords(older, T0 - 30 * DAY);
    await expect(store().listSliceTickets(march)).resolves.toEqual(expected);
    await expect(store().listSliceTickets({ ...march, filters: { group: 'g2' } })).resolves.toEqual([expected[1]]);
    await expect(store().listSliceTickets({ ...march, from: T0 + DAY, to: T0 + 2 * DAY })).resolves.toEqual([]);
  });
});
