import type { Account, MetricRecord } from '../../../src/server/store/sla-store';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

function aRecord(overrides: Partial<MetricRecord> & Pick<MetricRecord, 'accountId'>): MetricRecord {
  return {
    ticketId: '1',
    metric: 'first_reply_time',
    instance: 1,
    policyId: 'p1',
    priority: 'high',
    groupId: 'g1',
    assigneeId: null,
    brandId: null,
    organizationId: null,
    via: 'email',
    status: 'active',
    startedAt: T0,
    dueAt: T0 + 3_600_000,
    fulfilledAt: null,
    breachedAt: null,
    businessMinutes: null,
    calendarMinutes: null,
    ...overrides,
  };
}

describe.each(TEST_DIALECTS)('report store on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  beforeEach(async () => {
    account = await createTestAccount(store());
  });

  it('records a breach once per metric instance ("email once"), and again for the next instance', async () => {
    const breach = { accountId: account.id, ticketId: '9', metric: 'next_reply_time' as const, instance: 2, policyId: 'p1', breachedAt: T0, recordedAt: T0 + 5 };
    await expect(store().recordBreach(breach)).resolves.toEqual({ recorded: true });
    await expect(store().recordBreach({ ...breach, recordedAt: T0 + 60_000 })).resolves.toEqual({ recorded: false });
    await expect(store().recordBreach({ ...breach, instance: 3, breachedAt: T0 + 1 })).resolves.toEqual({ recorded: true });
    const other = await createTestAccount(store());
    await expect(store().recordBreach({ ...breach, accountId: other.id })).resolves.toEqual({ recorded: true });
    await expect(store().listBreaches(account.id, '9')).resolves.toEqual([breach, { ...breach, instance: 3, breachedAt: T0 + 1 }]);
    await expect(store().listBreaches(other.id)).resolves.toHaveLength(1);
  });

  it('replaces a metric record in place and lists a period, optionally for one group', async () => {
    await store().saveMetricRecords([aRecord({ accountId: account.id }), aRecord({ accountId: account.id, ticketId: '2', groupId: 'g2', startedAt: T0 + 10 })], T0);
    await store().saveMetricRecords([aRecord({ accountId: account.id, status: 'met', fulfilledAt: T0 + 60_000, businessMinutes: 1.5, calendarMinutes: 1 })], T0 + 60_000);
    const all = await store().listMetricRecords({ accountId: account.id, from: T0, to: T0 + 11 });
    expect(all.map((r) => [r.ticketId, r.status, r.fulfilledAt, r.businessMinutes])).toEqual([
      ['1', 'met', T0 + 60_000, 1.5],
      ['2', 'active', null, null],
    ]);
    await expect(store().listMetricRecords({ accountId: account.id, from: T0, to: T0 + 10 })).resolves.toHaveLength(1);
    const g2 = await store().listMetricRecords({ accountId: account.id, from: T0, to: T0 + 11, groupId: 'g2' });
    expect(g2.map((r) => r.ticketId)).toEqual(['2']);
    const other = await createTestAccount(store());
    await expect(store().listMetricRecords({ accountId: other.id, from: 0, to: T0 * 2 })).resolves.toEqual([]);
  });
});
