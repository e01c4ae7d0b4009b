import { assessTicket } from '../../../src/core';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { Account, WritebackDesired } from '../../../src/server/store/sla-store';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const LEASE = 30_000;
const comment = (at: number): TicketEvent => ({ type: 'comment', at, public: true, authorRole: 'agent' });
const status = (at: number): TicketEvent => ({ type: 'status_changed', at, from: 'new', to: 'open' });
/** A real assessment (one policy, a ticket created at T0), so the stored JSON is what the pipeline stores. */
const ASSESSMENT = assessTicket({
  ticket: aTicket({ id: '2' }),
  history: [{ type: 'created', at: T0, ticket: aTicket({ id: '2' }) }],
  policies: [aPolicy()],
  schedules: {},
  now: T0,
});
const SHOWN: WritebackDesired = { customFields: { '901': 'sla_status_on_track' }, addTags: [], removeTags: ['sla_due_soon'], updatedStamp: '2026-03-02T08:59:59Z' };

describe.each(TEST_DIALECTS)('ticket store on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  beforeEach(async () => {
    account = await createTestAccount(store());
  });

  /** Makes the ticket's row exist and leases it to `owner`, the way the inbox claim does. */
  async function leaseTicket(ticketId: string, owner: string, now = T0): Promise<void> {
    await store().enqueueWebhook({ accountId: account.id, invocationId: `i-${ticketId}-${now}`, ticketId, rawBody: '{}', receivedAt: now });
    const claims = await store().claimInboxBatch({ owner, now, leaseMs: LEASE, limit: 1000 });
    if (!claims.some((c) => c.ticketId === ticketId && c.accountId === account.id)) throw new Error(`could not lease ${ticketId}`);
  }

  it('appends events in order, skipping source ids it already has', async () => {
    const key = { accountId: account.id, ticketId: '1' };
    await expect(store().appendTicketEvents({ ...key, events: [{ sourceId: 'a:1', event: status(T0) }, { sourceId: 'a:2', event: comment(T0) }] })).resolves.toBe(2);
    await expect(
      store().appendTicketEvents({ ...key, events: [{ sourceId: 'a:2', event: comment(T0) }, { sourceId: 'b:1', event: comment(T0 + 5) }, { sourceId: 'b:1', event: comment(T0 + 5) }] }),
    ).resolves.toBe(1);
    const events = await store().listTicketEvents(account.id, '1');
    expect(events.map((e) => [e.seq, e.sourceId, e.event.type, e.event.at])).toEqual([
      [1, 'a:1', 'status_changed', T0],
      [2, 'a:2', 'comment', T0],
      [3, 'b:1', 'comment', T0 + 5],
    ]);
    expect(events[0]?.event).toEqual(status(T0));
  });

  it('keeps histories apart per account, even for the same ticket id', async () => {
    const other = await createTestAccount(store());
    await store().appendTicketEvents({ accountId: account.id, ticketId: '5', events: [{ sourceId: 'x', event: comment(T0) }] });
    await expect(store().listTicketEvents(other.id, '5')).resolves.toEqual([]);
    await expect(store().appendTicketEvents({ accountId: other.id, ticketId: '5', events: [{ sourceId: 'x', event: comment(T0) }] })).resolves.toBe(1);
  });

  it('saves the state only for the lease holder, bumping the version', async () => {
    await leaseTicket('2', 'w1');
    const save = (owner: string) =>
      store().saveTicketState({ owner, accountId: account.id, ticketId: '2', assessment: ASSESSMENT, shown: SHOWN, policyId: 'p1', nextCheckAt: T0 + 60_000, zendeskUpdatedAt: T0 - 1_000, now: T0 + 1 });
    await expect(save('intruder')).resolves.toBe('lease_lost');
    await expect(save('w1')).resolves.toBe('saved');
    await expect(store().getTicketState(account.id, '2')).resolves.toEqual({
      accountId: account.id,
      ticketId: '2',
      assessment: ASSESSMENT,
      shown: SHOWN,
      policyId: 'p1',
      nextCheckAt: T0 + 60_000,
      zendeskUpdatedAt: T0 - 1_000,
      version: 1,
      updatedAt: T0 + 1,
    });
    await expect(store().getTicketState(account.id, 'nope')).resolves.toBeNull();
  });

  it('claims due tickets oldest wake-up first, skips leased ones, and shares the lease with the inbox', async () => {
    for (const [ticketId, due] of [['late', T0 - 3_000], ['later', T0 - 1_000], ['future', T0 + 1], ['leased', T0 - 2_000]] as const) {
      await leaseTicket(ticketId, 'setup');
      await store().saveTicketState({ owner: 'setup', accountId: account.id, ticketId, assessment: ASSESSMENT, shown: null, policyId: null, nextCheckAt: due, zendeskUpdatedAt: null, now: T0 });
      if (ticketId !== 'leased') await store().releaseTicket({ owner: 'setup', accountId: account.id, ticketId });
    }
    // The scheduler's lag is measured from the earliest wake-up, leased or not.
    await expect(store().earliestDueCheck()).resolves.toBe(T0 - 3_000);
    const due = await store().claimDueTickets({ owner: 'sched', now: T0, leaseMs: LEASE, limit: 10 });
    const mine = due.filter((d) => d.accountId === account.id);
    expect(mine.map((d) => [d.ticketId, d.nextCheckAt])).toEqual([
      ['late', T0 - 3_000],
      ['later', T0 - 1_000],
    ]);
    // While the scheduler holds "late", a delivery for it waits.
    await store().enqueueWebhook({ accountId: account.id, invocationId: 'late-update', ticketId: 'late', rawBody: '{}', receivedAt: T0 });
    const inboxClaims = await store().claimInboxBatch({ owner: 'worker', now: T0 + 1, leaseMs: LEASE, limit: 10 });
    expect(inboxClaims.some((c) => c.ticketId === 'late')).toBe(false);
    await expect(store().releaseTicket({ owner: 'sched', accountId: account.id, ticketId: 'late' })).resolves.toBe(true);
    const afterRelease = await store().claimInboxBatch({ owner: 'worker', now: T0 + 2, leaseMs: LEASE, limit: 10 });
    expect(afterRelease.map((c) => c.ticketId)).toContain('late');
  });

  it('hands a due ticket whose lease ran out to the next claimer', async () => {
    await leaseTicket('3', 'setup');
    await store().saveTicketState({ owner: 'setup', accountId: account.id, ticketId: '3', assessment: ASSESSMENT, shown: null, policyId: null, nextCheckAt: T0, zendeskUpdatedAt: null, now: T0 });
    // "setup" never releases: it crashed. Its lease (T0 + LEASE) must run out first.
    const early = await store().claimDueTickets({ owner: 'sched', now: T0 + LEASE - 1, leaseMs: LEASE, limit: 100 });
    expect(early.some((d) => d.ticketId === '3' && d.accountId === account.id)).toBe(false);
    const late = await store().claimDueTickets({ owner: 'sched', now: T0 + LEASE, leaseMs: LEASE, limit: 100 });
    expect(late.some((d) => d.ticketId === '3' && d.accountId === account.id)).toBe(true);
  });
});
