import { timeOrderedId } from '../../../src/server/store/inbox-store';
import { openStore } from '../../../src/server/store/open-store';
import type { Account, SlaStore } from '../../../src/server/store/sla-store';
import { createTestAccount, TEST_DIALECTS, TEST_ENCRYPTION_KEY, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const LEASE = 30_000;

describe.each(TEST_DIALECTS)('inbox store on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  let seq = 0;
  beforeEach(async () => {
    // Claims span accounts, so each test drains what earlier tests left before making its own account.
    await drain(store());
    account = await createTestAccount(store());
  });

  const deliver = (ticketId: string, receivedAt = T0, invocationId = `inv-${++seq}`, accountId = account.id) =>
    store().enqueueWebhook({ accountId, invocationId, ticketId, rawBody: `{"ticket_id":"${ticketId}"}`, receivedAt });

  it('stores a delivery once per invocation id, per account', async () => {
    await expect(deliver('42', T0, 'same')).resolves.toEqual({ inserted: true });
    await expect(deliver('42', T0 + 5, 'same')).resolves.toEqual({ inserted: false });
    const other = await createTestAccount(store());
    await expect(deliver('42', T0, 'same', other.id)).resolves.toEqual({ inserted: true });
    await expect(store().inboxStats()).resolves.toEqual({ pending: 2, oldestPendingReceivedAt: T0 });
  });

  it('stores one row when the same delivery arrives twice at once (one batch)', async () => {
    const results = await Promise.all([deliver('43', T0, 'twin'), deliver('43', T0, 'twin'), deliver('44', T0, 'other')]);
    expect(results.map((r) => r.inserted)).toEqual([true, false, true]);
    await expect(store().inboxStats()).resolves.toMatchObject({ pending: 2 });
  });

  it('claims oldest tickets first, with all their pending deliveries in arrival order', async () => {
    await deliver('b', T0 + 2);
    await deliver('a', T0 + 1);
    await deliver('b', T0 + 3);
    await deliver('c', T0 + 4);
    const claimed = await store().claimInboxBatch({ owner: 'w1', now: T0 + 10, leaseMs: LEASE, limit: 2 });
    expect(claimed.map((c) => [c.ticketId, c.deliveries.map((d) => d.receivedAt)])).toEqual([
      ['a', [T0 + 1]],
      ['b', [T0 + 2, T0 + 3]],
    ]);
    expect(claimed[0]).toMatchObject({ accountId: account.id, leaseUntil: T0 + 10 + LEASE });
    expect(claimed[0]?.deliveries[0]).toMatchObject({ attempts: 1, rawBody: '{"ticket_id":"a"}' });
  });

  it('never hands a leased ticket to another owner, even for a delivery that arrived after the claim', async () => {
    await deliver('7');
    const [first] = await store().claimInboxBatch({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 10 });
    expect(first?.ticketId).toBe('7');
    await deliver('7', T0 + 1);
    await deliver('8', T0 + 2);
    const second = await store().claimInboxBatch({ owner: 'w2', now: T0 + 5, leaseMs: LEASE, limit: 10 });
    expect(second.map((c) => c.ticketId)).toEqual(['8']);
  });

  it('completes deliveries and frees the ticket; later deliveries of it are claimable again', async () => {
    await deliver('9');
    const [claim] = await store().claimInboxBatch({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
    await deliver('9', T0 + 1);
    const ids = claim?.deliveries.map((d) => d.id) ?? [];
    await expect(store().completeInbox({ owner: 'w1', accountId: account.id, ticketId: '9', deliveryIds: ids, now: T0 + 2 })).resolves.toBe(true);
    const again = await store().claimInboxBatch({ owner: 'w2', now: T0 + 3, leaseMs: LEASE, limit: 1 });
    expect(again.map((c) => c.deliveries.map((d) => d.receivedAt))).toEqual([[T0 + 1]]);
  });

  it('lets another owner reclaim a ticket whose lease ran out; the late owner can no longer complete it', async () => {
    await deliver('11');
    const [stale] = await store().claimInboxBatch({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
    await expect(store().claimInboxBatch({ owner: 'w2', now: T0 + LEASE - 1, leaseMs: LEASE, limit: 1 })).resolves.toEqual([]);
    const [fresh] = await store().claimInboxBatch({ owner: 'w2', now: T0 + LEASE, leaseMs: LEASE, limit: 1 });
    expect(fresh?.deliveries.map((d) => [d.id, d.attempts])).toEqual([[stale?.deliveries[0]?.id, 2]]);
    const ids = stale?.deliveries.map((d) => d.id) ?? [];
    await expect(store().completeInbox({ owner: 'w1', accountId: account.id, ticketId: '11', deliveryIds: ids, now: T0 + LEASE + 1 })).resolves.toBe(false);
    await expect(store().inboxStats()).resolves.toMatchObject({ pending: 1 });
  });

  it('retries with exponential backoff, then gives up as failed after maxAttempts', async () => {
    await deliver('12');
    let now = T0;
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const [claim] = await store().claimInboxBatch({ owner: 'w1', now, leaseMs: LEASE, limit: 1 });
      expect(claim?.deliveries[0]?.attempts).toBe(attempt);
      const ids = claim?.deliveries.map((d) => d.id) ?? [];
      await store().releaseInbox({ owner: 'w1', accountId: account.id, ticketId: '12', deliveryIds: ids, now, error: 'Zendesk 500', maxAttempts: 3 });
      const released = now;
      while ((await store().claimInboxBatch({ owner: 'probe', now, leaseMs: 1, limit: 1 })).length === 0 && now < released + 60_000) {
        now += 250;
      }
      waits.push(now - released);
      if (now < released + 60_000) await store().releaseLeases('probe');
    }
    // 1 s, then 2 s; the third failure is final, so nothing is ever claimable again.
    expect(waits).toEqual([1_000, 2_000, 60_000]);
    await expect(store().inboxStats()).resolves.toEqual({ pending: 0, oldestPendingReceivedAt: null });
  });

  it('purges finished deliveries older than the cut-off, pending ones never', async () => {
    await deliver('14', T0);
    await deliver('15', T0);
    const [claim] = await store().claimInboxBatch({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
    const ids = claim?.deliveries.map((d) => d.id) ?? [];
    // Later than anything earlier tests finished, earlier than the drain's far future.
    const finishedAt = T0 + 400 * 86_400_000;
    await store().completeInbox({ owner: 'w1', accountId: account.id, ticketId: claim?.ticketId ?? '', deliveryIds: ids, now: finishedAt });
    await store().purgeFinishedInbox({ finishedBefore: finishedAt, limit: 10_000 });
    await expect(store().purgeFinishedInbox({ finishedBefore: finishedAt, limit: 100 })).resolves.toBe(0);
    await expect(store().purgeFinishedInbox({ finishedBefore: finishedAt + 1, limit: 100 })).resolves.toBe(1);
    await expect(store().purgeFinishedInbox({ finishedBefore: finishedAt + 1, limit: 100 })).resolves.toBe(0);
    await expect(store().inboxStats()).resolves.toMatchObject({ pending: 1 });
  });

  it('gives every lease back on shutdown, without counting the attempt', async () => {
    await deliver('13');
    await store().claimInboxBatch({ owner: 'w1', now: T0, leaseMs: LEASE, limit: 1 });
    await store().releaseLeases('w1');
    const [claim] = await store().claimInboxBatch({ owner: 'w2', now: T0 + 1, leaseMs: LEASE, limit: 1 });
    expect(claim?.deliveries[0]?.attempts).toBe(1);
  });

  it('gives two concurrent claimers disjoint tickets, every delivery exactly once', async () => {
    // PostgreSQL: a second store is a second connection pool, as a second server process would have. SQLite:
    // one process holds one connection (better-sqlite3 blocks the event loop while it waits for a lock), so
    // the two claimers share it, as two workers in one process do.
    const second = dialect === 'postgres' ? await openStore({ database: store.database(), encryptionKey: TEST_ENCRYPTION_KEY }) : store();
    const tickets = Array.from({ length: 40 }, (_, i) => `race-${i}`);
    for (const [i, ticket] of tickets.entries()) for (let n = 0; n < 3; n++) await deliver(ticket, T0 + i * 10 + n);
    // Connect both before the race, and let neither run ahead of the other's first claim: on a busy machine a
    // claimer still opening its connection would otherwise find the inbox already drained, and the test would
    // prove nothing about concurrency (this happened, once, in a full run).
    await Promise.all([store().checkReady(), second.checkReady()]);
    let firstClaims = 0;
    let bothClaimed: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => (bothClaimed = resolve));
    const claimAll = async (s: SlaStore, owner: string) => {
      const got: { ticketId: string; deliveries: number }[] = [];
      for (let round = 0; ; round++) {
        const batch = await s.claimInboxBatch({ owner, now: T0 + 1_000, leaseMs: LEASE, limit: 3 });
        if (round === 0 && ++firstClaims === 2) bothClaimed();
        if (round === 0) await barrier;
        if (batch.length === 0) return got;
        got.push(...batch.map((c) => ({ ticketId: c.ticketId, deliveries: c.deliveries.length })));
      }
    };
    const [a, b] = await Promise.all([claimAll(store(), 'A'), claimAll(second, 'B')]);
    if (second !== store()) await second.close();
    const all = [...a, ...b].map((c) => c.ticketId).sort();
    expect(all).toEqual([...tickets].sort());
    expect([...a, ...b].every((c) => c.deliveries === 3)).toBe(true);
    // Both really took part (otherwise the test proves nothing about concurrency).
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
  });
});

describe('timeOrderedId', () => {
  it('is a UUIDv7 whose text order is the order of its milliseconds', () => {
    const ids = [T0, T0 + 1, T0 + 1_000, Date.UTC(2100, 0, 1)].map(timeOrderedId);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(ids[0]?.replace(/-/g, '').slice(0, 12)).toBe(T0.toString(16).padStart(12, '0'));
    expect(timeOrderedId(T0)).not.toBe(timeOrderedId(T0));
  });
});

async function drain(store: SlaStore): Promise<void> {
  const far = Date.UTC(2100, 0, 1);
  for (;;) {
    const batch = await store.claimInboxBatch({ owner: 'drain', now: far, leaseMs: 1, limit: 100 });
    if (batch.length === 0) return;
    for (const c of batch) {
      await store.completeInbox({ owner: 'drain', accountId: c.accountId, ticketId: c.ticketId, deliveryIds: c.deliveries.map((d) => d.id), now: far });
    }
  }
}
