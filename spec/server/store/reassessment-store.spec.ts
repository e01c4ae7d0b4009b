import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { TicketStatus } from '../../../src/core/ticket/ticket-snapshot';
import { aTicket } from '../../support/a-ticket';
import { storeTicket } from '../../support/stored-ticket';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Created open at T0; then, if given, one status change per minute. */
function historyTo(...statuses: TicketStatus[]): TicketEvent[] {
  const events: TicketEvent[] = [{ type: 'created', at: T0, ticket: aTicket({ status: 'open' }) }];
  let from: TicketStatus = 'open';
  statuses.forEach((to, i) => {
    events.push({ type: 'status_changed', at: T0 + (i + 1) * 60_000, from, to });
    from = to;
  });
  return events;
}

describe.each(TEST_DIALECTS)('reassessment store on %s', (dialect) => {
  const store = useTestStore(dialect);

  it('lists and marks only the open tickets of the account, by their latest status', async () => {
    const account = await createTestAccount(store());
    const neighbour = await createTestAccount(store());
    await storeTicket(store(), { accountId: account.id, ticketId: '1', history: historyTo(), now: T0 });
    await storeTicket(store(), { accountId: account.id, ticketId: '2', history: historyTo('pending'), now: T0 });
    await storeTicket(store(), { accountId: account.id, ticketId: '3', history: historyTo('solved'), now: T0 });
    await storeTicket(store(), { accountId: account.id, ticketId: '4', history: historyTo('solved', 'open'), now: T0 });
    await storeTicket(store(), { accountId: account.id, ticketId: '5', history: historyTo('solved', 'closed'), now: T0 });
    await storeTicket(store(), { accountId: neighbour.id, ticketId: '1', history: historyTo(), now: T0 });

    await expect(store().listOpenTicketIds(account.id, 10)).resolves.toEqual({ ticketIds: ['1', '2', '4'], truncated: false });
    await expect(store().listOpenTicketIds(account.id, 2)).resolves.toEqual({ ticketIds: ['1', '2'], truncated: true });

    const histories = await store().listOpenTicketHistories(account.id, 2);
    expect(histories).toEqual({ tickets: [{ ticketId: '1', history: historyTo() }, { ticketId: '2', history: historyTo('pending') }], truncated: true });

    const now = T0 + 3_600_000;
    await expect(store().requestReassessment(account.id, now)).resolves.toBe(3);
    const checks = await Promise.all(['1', '2', '3', '4', '5'].map(async (id) => (await store().getTicketState(account.id, id))?.nextCheckAt));
    expect(checks).toEqual([now, now, null, now, null]);
    await expect(store().getTicketState(neighbour.id, '1')).resolves.toMatchObject({ nextCheckAt: null });
  });

  it('leaves a ticket that is already due as it is', async () => {
    const account = await createTestAccount(store());
    await storeTicket(store(), { accountId: account.id, ticketId: '7', history: historyTo(), now: T0 });
    await store().requestReassessment(account.id, T0 + 10);
    await expect(store().requestReassessment(account.id, T0 + 20)).resolves.toBe(0);
    await expect(store().getTicketState(account.id, '7')).resolves.toMatchObject({ nextCheckAt: T0 + 10 });
  });
});
