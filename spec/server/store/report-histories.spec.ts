import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { Account } from '../../../src/server/store/sla-store';
import { aTicket } from '../../support/a-ticket';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describe.each(TEST_DIALECTS)('ticket histories for reports on %s', (dialect) => {
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
});
