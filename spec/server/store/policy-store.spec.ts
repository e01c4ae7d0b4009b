import type { PolicyBody } from '../../../src/server/store/sla-store';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const body = (title: string): PolicyBody => ({
  title,
  description: '',
  active: true,
  filter: { all: [], any: [] },
  targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'calendar' }],
});

describe.each(TEST_DIALECTS)('policy store on %s', (dialect) => {
  const store = useTestStore(dialect);

  it('keeps every saved version with author and time; the policy shows the current one', async () => {
    const account = await createTestAccount(store());
    const created = await store().savePolicy({ accountId: account.id, body: body('VIP'), authorId: 'u1', now: T0 });
    if (created.kind !== 'saved') throw new Error(created.kind);
    expect(created.value).toMatchObject({ version: 1, position: 1, authorId: 'u1', savedAt: T0, body: body('VIP') });
    const id = created.value.id;
    await expect(store().savePolicy({ accountId: account.id, policyId: id, body: body('VIP 2'), expectedVersion: 1, authorId: 'u2', now: T0 + 1 })).resolves.toMatchObject({ kind: 'saved', value: { version: 2 } });
    await expect(store().savePolicy({ accountId: account.id, policyId: id, body: body('stale'), expectedVersion: 1, authorId: 'u3', now: T0 + 2 })).resolves.toEqual({ kind: 'version_conflict', currentVersion: 2 });
    await expect(store().getPolicy(account.id, id)).resolves.toMatchObject({ version: 2, authorId: 'u2', body: { title: 'VIP 2' } });
    const versions = await store().listPolicyVersions(account.id, id);
    expect(versions.map((v) => [v.version, v.body.title, v.authorId, v.savedAt])).toEqual([
      [2, 'VIP 2', 'u2', T0 + 1],
      [1, 'VIP', 'u1', T0],
    ]);
  });

  it('records how each version was asked to apply', async () => {
    const account = await createTestAccount(store());
    const created = await store().savePolicy({ accountId: account.id, body: body('A'), authorId: null, apply: 'recompute_open', now: T0 });
    if (created.kind !== 'saved') throw new Error(created.kind);
    await store().savePolicy({ accountId: account.id, policyId: created.value.id, body: body('A2'), authorId: null, now: T0 + 1 });
    const versions = await store().listPolicyVersions(account.id, created.value.id);
    expect(versions.map((v) => v.apply)).toEqual([null, 'recompute_open']);
  });

  it('reorders without new versions, only with every id of the account once', async () => {
    const account = await createTestAccount(store());
    const other = await createTestAccount(store());
    const ids: string[] = [];
    for (const title of ['a', 'b', 'c']) {
      const saved = await store().savePolicy({ accountId: account.id, body: body(title), authorId: null, now: T0 });
      if (saved.kind !== 'saved') throw new Error(saved.kind);
      ids.push(saved.value.id);
    }
    const [a, b, c] = ids as [string, string, string];
    await expect(store().reorderPolicies({ accountId: account.id, ids: [c, a, b], now: T0 + 1 })).resolves.toBe('reordered');
    const list = await store().listPolicies(account.id);
    expect(list.map((p) => [p.body.title, p.position, p.version])).toEqual([['c', 1, 1], ['a', 2, 1], ['b', 3, 1]]);
    await expect(store().reorderPolicies({ accountId: account.id, ids: [a, b], now: T0 })).resolves.toBe('mismatch');
    await expect(store().reorderPolicies({ accountId: account.id, ids: [a, a, b], now: T0 })).resolves.toBe('mismatch');
    await expect(store().reorderPolicies({ accountId: other.id, ids: [a, b, c], now: T0 })).resolves.toBe('mismatch');
  });

  it('lists in position order, appending new policies at the end', async () => {
    const account = await createTestAccount(store());
    for (const title of ['a', 'b']) await store().savePolicy({ accountId: account.id, body: body(title), authorId: null, now: T0 });
    await store().savePolicy({ accountId: account.id, body: body('first'), position: 0, authorId: null, now: T0 });
    const list = await store().listPolicies(account.id);
    expect(list.map((p) => [p.body.title, p.position])).toEqual([['first', 0], ['a', 1], ['b', 2]]);
  });

  it('scopes every read and write to the account', async () => {
    const owner = await createTestAccount(store());
    const intruder = await createTestAccount(store());
    const saved = await store().savePolicy({ accountId: owner.id, body: body('mine'), authorId: null, now: T0 });
    if (saved.kind !== 'saved') throw new Error(saved.kind);
    await expect(store().getPolicy(intruder.id, saved.value.id)).resolves.toBeNull();
    await expect(store().listPolicies(intruder.id)).resolves.toEqual([]);
    await expect(store().listPolicyVersions(intruder.id, saved.value.id)).resolves.toEqual([]);
    await expect(store().savePolicy({ accountId: intruder.id, policyId: saved.value.id, body: body('hijack'), authorId: null, now: T0 })).resolves.toEqual({ kind: 'not_found' });
    await expect(store().deletePolicy(intruder.id, saved.value.id)).resolves.toBe(false);
    await expect(store().deletePolicy(owner.id, saved.value.id)).resolves.toBe(true);
    await expect(store().listPolicyVersions(owner.id, saved.value.id)).resolves.toEqual([]);
  });
});
