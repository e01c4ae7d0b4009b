import type { Account, WritebackDesired } from '../../../src/server/store/sla-store';
import { anObjectiveBody } from '../../support/an-objective';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const LEASE = 30_000;
const desired = (due: string): WritebackDesired => ({ customFields: { '360001': due }, addTags: ['sla_active'], removeTags: [] });

describe.each(TEST_DIALECTS)('write-back outbox on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  beforeEach(async () => {
    account = await createTestAccount(store());
    // Claims span accounts: clear what earlier tests left leased or pending.
    const far = Date.UTC(2100, 0, 1);
    for (const w of await store().claimWritebacks({ owner: 'drain', now: far, leaseMs: 1, limit: 1000 })) {
      await store().completeWriteback({ owner: 'drain', accountId: w.accountId, ticketId: w.ticketId, revision: w.revision });
    }
  });

  const enqueue = (ticketId: string, due: string, now = T0) => store().enqueueWriteback({ accountId: account.id, ticketId, desired: desired(due), now });

  it('coalesces: one row per ticket, the newest desired state wins', async () => {
    await expect(enqueue('1', 'a')).resolves.toEqual({ revision: 1 });
    await expect(enqueue('1', 'b', T0 + 1)).resolves.toEqual({ revision: 2 });
    await enqueue('2', 'c', T0 + 2);
    const claimed = await store().claimWritebacks({ owner: 'w', now: T0 + 5, leaseMs: LEASE, limit: 10 });
    expect(claimed.map((c) => [c.ticketId, c.desired.customFields['360001'], c.revision, c.attempts])).toEqual([
      ['1', 'b', 2, 1],
      ['2', 'c', 1, 1],
    ]);
    await expect(store().claimWritebacks({ owner: 'other', now: T0 + 6, leaseMs: LEASE, limit: 10 })).resolves.toEqual([]);
  });

  it('keeps a state enqueued while the older one was being written (superseded), and deletes on done', async () => {
    await enqueue('3', 'old');
    const [claim] = await store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 1 });
    await enqueue('3', 'new', T0 + 1);
    await expect(store().completeWriteback({ owner: 'w', accountId: account.id, ticketId: '3', revision: claim?.revision ?? 0 })).resolves.toBe('superseded');
    const [next] = await store().claimWritebacks({ owner: 'w', now: T0 + 2, leaseMs: LEASE, limit: 1 });
    expect(next?.desired.customFields['360001']).toBe('new');
    await expect(store().completeWriteback({ owner: 'w', accountId: account.id, ticketId: '3', revision: next?.revision ?? 0 })).resolves.toBe('done');
    await expect(store().claimWritebacks({ owner: 'w', now: T0 + 3, leaseMs: LEASE, limit: 1 })).resolves.toEqual([]);
  });

  it('honours Retry-After: not claimable before notBefore, even after a newer state is enqueued', async () => {
    await enqueue('4', 'x');
    await store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 1 });
    await expect(store().retryWriteback({ owner: 'w', accountId: account.id, ticketId: '4', notBefore: T0 + 60_000, error: '429' })).resolves.toBe(true);
    await enqueue('4', 'y', T0 + 10);
    await expect(store().claimWritebacks({ owner: 'w', now: T0 + 59_999, leaseMs: LEASE, limit: 1 })).resolves.toEqual([]);
    const [again] = await store().claimWritebacks({ owner: 'w', now: T0 + 60_000, leaseMs: LEASE, limit: 1 });
    expect(again).toMatchObject({ ticketId: '4', attempts: 2, desired: desired('y') });
  });

  it('holds a write-back until its notBefore; an earlier ask brings it forward, a retry after failure does not move', async () => {
    const enqueueAt = (ticketId: string, due: string, notBefore: number, now = T0) =>
      store().enqueueWriteback({ accountId: account.id, ticketId, desired: desired(due), now, notBefore });
    await enqueueAt('6', 'window', T0 + 30_000);
    await expect(store().claimWritebacks({ owner: 'w', now: T0 + 29_999, leaseMs: LEASE, limit: 5 })).resolves.toEqual([]);
    await expect(store().writebackStats()).resolves.toEqual({ pending: 1, earliestNotBefore: T0 + 30_000 });
    // A later ask keeps the earlier time; an earlier one (a tag that sends an email) brings it forward.
    await enqueueAt('6', 'later', T0 + 60_000, T0 + 1);
    await enqueueAt('6', 'now', T0 + 2, T0 + 2);
    const [claim] = await store().claimWritebacks({ owner: 'w', now: T0 + 2, leaseMs: LEASE, limit: 5 });
    expect(claim).toMatchObject({ ticketId: '6', revision: 3, desired: desired('now') });
    await store().retryWriteback({ owner: 'w', accountId: account.id, ticketId: '6', notBefore: T0 + 90_000, error: '429' });
    await enqueueAt('6', 'urgent', T0 + 3, T0 + 3);
    await expect(store().claimWritebacks({ owner: 'w', now: T0 + 89_999, leaseMs: LEASE, limit: 5 })).resolves.toEqual([]);
    await expect(store().claimWritebacks({ owner: 'w', now: T0 + 90_000, leaseMs: LEASE, limit: 5 })).resolves.toHaveLength(1);
  });

  it('takes the account’s rows waiting for their window along with a due one, never one held back by a failure', async () => {
    const other = await createTestAccount(store());
    const enqueueAt = (accountId: string, ticketId: string, notBefore: number) =>
      store().enqueueWriteback({ accountId, ticketId, desired: desired(ticketId), now: T0, notBefore });
    await enqueueAt(account.id, 'backs-off', T0);
    const [failed] = await store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 10 });
    expect(failed?.ticketId).toBe('backs-off');
    await store().retryWriteback({ owner: 'w', accountId: account.id, ticketId: 'backs-off', notBefore: T0 + 60_000, error: '503' });
    await enqueueAt(account.id, 'waits-1', T0 + 30_000);
    await enqueueAt(account.id, 'waits-2', T0 + 20_000);
    await enqueueAt(other.id, 'elsewhere', T0 + 20_000);
    // Nothing is due: nothing goes, however many rows wait.
    await expect(store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 10 })).resolves.toEqual([]);

    await enqueueAt(account.id, 'due', T0 + 1);
    const claimed = await store().claimWritebacks({ owner: 'w', now: T0 + 1, leaseMs: LEASE, limit: 10 });
    // The due row first, then the riders soonest first; the other account's row and the backed-off one stay.
    expect(claimed.map((c) => [c.accountId === account.id, c.ticketId])).toEqual([
      [true, 'due'],
      [true, 'waits-2'],
      [true, 'waits-1'],
    ]);
    await expect(store().writebackStats()).resolves.toEqual({ pending: 5, earliestNotBefore: T0 + 1 });
    await expect(store().claimWritebacks({ owner: 'w2', now: T0 + 19_999, leaseMs: LEASE, limit: 10 })).resolves.toEqual([]);
  });

  it('takes riders only up to the limit', async () => {
    for (const ticketId of ['r1', 'r2', 'r3']) await store().enqueueWriteback({ accountId: account.id, ticketId, desired: desired(ticketId), now: T0, notBefore: T0 + 30_000 });
    await enqueue('d', 'now');
    const claimed = await store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 2 });
    expect(claimed.map((c) => c.ticketId)).toEqual(['d', 'r1']);
  });

  it('keeps once tags (an alert) through a newer state, and writes them once', async () => {
    const alert = { ...desired('a'), onceTags: ['sla_budget_1'] };
    await store().enqueueWriteback({ accountId: account.id, ticketId: '7', desired: alert, now: T0 });
    // Processed again before the write: the newer state has no alert of its own, and keeps the pending one.
    await enqueue('7', 'b', T0 + 1);
    const [claim] = await store().claimWritebacks({ owner: 'w', now: T0 + 2, leaseMs: LEASE, limit: 5 });
    expect(claim?.desired).toEqual({ ...desired('b'), onceTags: ['sla_budget_1'] });

    // Written; meanwhile a newer state came (which kept the tag): the tag is not written a second time.
    await store().enqueueWriteback({ accountId: account.id, ticketId: '7', desired: { ...desired('c'), onceTags: ['sla_budget_2'] }, now: T0 + 3 });
    await expect(
      store().completeWriteback({ owner: 'w', accountId: account.id, ticketId: '7', revision: claim?.revision ?? 0, onceTagsDone: claim?.desired.onceTags ?? [] }),
    ).resolves.toBe('superseded');
    const [next] = await store().claimWritebacks({ owner: 'w', now: T0 + 4, leaseMs: LEASE, limit: 5 });
    expect(next?.desired).toEqual({ ...desired('c'), onceTags: ['sla_budget_2'] });
    await store().completeWriteback({ owner: 'w', accountId: account.id, ticketId: '7', revision: next?.revision ?? 0, onceTagsDone: next?.desired.onceTags ?? [] });
    await enqueue('7', 'd', T0 + 5);
    const [last] = await store().claimWritebacks({ owner: 'w', now: T0 + 6, leaseMs: LEASE, limit: 5 });
    expect(last?.desired).toEqual(desired('d'));
  });

  it('records a budget alert with the write that carries its tag: one ticket wins the period, the others write without it', async () => {
    const saved = await store().saveObjective({ accountId: account.id, body: anObjectiveBody(), alert: { enabled: true, thresholdPercent: 25, recipients: ['lead@example.test'] }, now: T0 });
    const alert = (ticketId: string) => ({ tag: 'sla_budget_abc', objectiveId: saved!.objective.id, periodStart: T0, ticketId, attainmentPercent: 80, budget: 2, budgetRemaining: 0.4, sentAt: T0 });
    const withAlert = { ...desired('a'), onceTags: ['sla_budget_abc'] };
    await expect(store().enqueueWriteback({ accountId: account.id, ticketId: '8', desired: withAlert, now: T0, alerts: [alert('8')] })).resolves.toEqual({ revision: 1, alertTags: ['sla_budget_abc'] });
    await expect(store().enqueueWriteback({ accountId: account.id, ticketId: '9', desired: withAlert, now: T0, alerts: [alert('9')] })).resolves.toEqual({ revision: 1, alertTags: [] });
    const claimed = await store().claimWritebacks({ owner: 'w', now: T0, leaseMs: LEASE, limit: 5 });
    expect(claimed.map((c) => [c.ticketId, c.desired.onceTags])).toEqual([
      ['8', ['sla_budget_abc']],
      ['9', undefined],
    ]);
    const sent = await store().latestObjectiveAlerts(account.id);
    expect(sent.get(saved!.objective.id)).toMatchObject({ ticketId: '8', periodStart: T0, budgetRemaining: 0.4 });
  });

  it('reclaims a write-back whose lease ran out; the late owner learns it lost the lease', async () => {
    await enqueue('5', 'z');
    const [first] = await store().claimWritebacks({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
    await expect(store().claimWritebacks({ owner: 'w2', now: T0 + LEASE - 1, leaseMs: LEASE, limit: 1 })).resolves.toEqual([]);
    await expect(store().claimWritebacks({ owner: 'w2', now: T0 + LEASE, leaseMs: LEASE, limit: 1 })).resolves.toHaveLength(1);
    await expect(store().completeWriteback({ owner: 'w1', accountId: account.id, ticketId: '5', revision: first?.revision ?? 0 })).resolves.toBe('lease_lost');
  });
});
