import fc from 'fast-check';
import { complianceReport, countForObjective, type ReportDimension, type ReportFilters, type SlaObjective } from '../../../src/core/report';
import { complianceFromSql, type PercentileMethod } from '../../../src/server/store/report-compliance';
import type { Account, MetricRecord } from '../../../src/server/store/sla-store';
import { createTestAccount, rawKysely, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 1);
const HOUR = 3_600_000;
const STATUSES = ['met', 'met_late', 'breached', 'active', 'due_soon', 'paused', 'not_applicable'] as const;

/** A deterministic spread of records: record i's dimensions and status are functions of i, durations repeat. */
function generated(accountId: string, count: number): MetricRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const status = STATUSES[i % STATUSES.length]!;
    const breachedAt = status === 'breached' || status === 'met_late' ? T0 + i * HOUR + 30 * 60_000 : null;
    return {
      accountId,
      ticketId: String(1 + Math.floor(i / 3)),
      metric: (['first_reply_time', 'next_reply_time', 'agent_work_time'] as const)[i % 3]!,
      instance: 1,
      policyId: `p${i % 2}`,
      priority: (['low', 'normal', 'high', 'urgent', null] as const)[i % 5]!,
      groupId: i % 4 === 0 ? null : `g${i % 4}`,
      assigneeId: `a${i % 6}`,
      brandId: 'b1',
      organizationId: i % 11 === 0 ? 'org-1' : null,
      via: i % 2 === 0 ? 'email' : 'web',
      status,
      startedAt: T0 + i * HOUR,
      dueAt: T0 + i * HOUR + 30 * 60_000,
      fulfilledAt: status === 'met' || status === 'met_late' ? T0 + i * HOUR + 20 * 60_000 : null,
      breachedAt,
      businessMinutes: status === 'not_applicable' ? null : (i * 37) % 101,
      calendarMinutes: status === 'not_applicable' ? null : (i * 37) % 101,
    };
  });
}

describe.each(TEST_DIALECTS)('report queries on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  let records: MetricRecord[];
  beforeAll(async () => {
    account = await createTestAccount(store());
    records = generated(account.id, 700);
    await store().saveMetricRecords(records, T0);
    // a neighbour's records in the same period never show
    const other = await createTestAccount(store());
    await store().saveMetricRecords(generated(other.id, 50), T0);
  });

  const slice = (filters?: ReportFilters) => ({ accountId: account.id, from: T0 + 10 * HOUR, to: T0 + 600 * HOUR, ...(filters ? { filters } : {}) });
  const inSlice = (r: MetricRecord) => r.startedAt >= T0 + 10 * HOUR && r.startedAt < T0 + 600 * HOUR;

  const groupings: readonly (readonly ReportDimension[])[] = [[], ['group'], ['metric', 'priority'], ['policy', 'channel', 'organization'], ['assignee']];
  it.each(groupings.map((g) => [g.join('+') || 'nothing', g]))('counts and ranks like the core when grouped by %s', async (_name, groupBy) => {
    const expected = complianceReport(records.filter(inSlice), { groupBy });
    await expect(store().complianceReport({ ...slice(), groupBy })).resolves.toEqual(expected);
  });

  it('filters on any dimension, null meaning none, like the core', async () => {
    const filters: ReportFilters = { group: null, channel: 'email', organization: null };
    const expected = complianceReport(records.filter(inSlice), { groupBy: ['priority'], filters });
    expect(expected.length).toBeGreaterThan(0);
    await expect(store().complianceReport({ ...slice(filters), groupBy: ['priority'] })).resolves.toEqual(expected);
  });

  it('ranks percentiles identically with both SQL methods where the engine has them', async () => {
    const methods: PercentileMethod[] = dialect === 'postgres' ? ['window', 'percentile_disc'] : ['window'];
    const db = rawKysely(store.database());
    try {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 690 }), fc.integer({ min: 1, max: 200 }), async (start, length) => {
          const window = { accountId: account.id, from: T0 + start * HOUR, to: T0 + (start + length) * HOUR };
          const expected = complianceReport(records.filter((r) => r.startedAt >= window.from && r.startedAt < window.to), { groupBy: ['group'] });
          for (const method of methods) expect(await complianceFromSql(db, window, ['group'], method)).toEqual(expected);
        }),
        { numRuns: 15 },
      );
    } finally {
      await db.destroy();
    }
  });

  it('lists breaches of the slice newest first, a page at a time, and their instants for trends', async () => {
    const breached = records
      .filter((r) => r.breachedAt !== null && r.breachedAt >= T0 + 10 * HOUR && r.breachedAt < T0 + 600 * HOUR && r.groupId === 'g1')
      .sort((a, b) => b.breachedAt! - a.breachedAt!);
    const page = await store().listBreachRecords({ ...slice({ group: 'g1' }), limit: 5, offset: 2 });
    expect(page.total).toBe(breached.length);
    expect(page.records).toEqual(breached.slice(2, 7));
    await expect(store().listBreachInstants(slice({ group: 'g1' }))).resolves.toEqual(breached.map((r) => r.breachedAt).reverse());
  });

  it('lists the records of a slice oldest first', async () => {
    const expected = records.filter((r) => inSlice(r) && r.metric === 'first_reply_time' && r.priority === 'urgent');
    await expect(store().listSliceRecords(slice({ metric: 'first_reply_time', priority: 'urgent' }))).resolves.toEqual(expected);
  });

  it('saves, replaces, lists and deletes objectives, per account', async () => {
    const body = { title: '95% urgent first replies in 1 h', metric: 'first_reply_time' as const, priority: 'urgent' as const, organizationId: null, policyId: null, targetMinutes: 60, percent: 95, period: 'month' as const, timeZone: 'Europe/Warsaw' };
    const saved = await store().saveObjective({ accountId: account.id, body, now: T0 });
    expect(saved?.objective).toEqual({ ...body, id: saved?.objective.id });
    const replaced = await store().saveObjective({ accountId: account.id, objectiveId: saved!.objective.id, body: { ...body, percent: 90 }, now: T0 + 1 });
    expect([replaced?.objective.percent, replaced?.createdAt, replaced?.updatedAt]).toEqual([90, T0, T0 + 1]);
    const other = await createTestAccount(store());
    await expect(store().saveObjective({ accountId: other.id, objectiveId: saved!.objective.id, body, now: T0 })).resolves.toBeNull();
    await expect(store().listObjectives(other.id)).resolves.toEqual([]);
    await expect(store().listObjectives(account.id)).resolves.toEqual([replaced]);
    await expect(store().deleteObjective(other.id, saved!.objective.id)).resolves.toBe(false);
    await expect(store().deleteObjective(account.id, saved!.objective.id)).resolves.toBe(true);
    await expect(store().listObjectives(account.id)).resolves.toEqual([]);
  });

  it('counts an objective’s good, bad and undecided instances in SQL exactly as the core does', async () => {
    const now = T0 + 400 * HOUR;
    const cases: Pick<SlaObjective, 'metric' | 'priority' | 'organizationId' | 'policyId' | 'targetMinutes'>[] = [
      { metric: 'first_reply_time', priority: null, organizationId: null, policyId: null, targetMinutes: 50 },
      { metric: 'next_reply_time', priority: 'urgent', organizationId: null, policyId: 'p1', targetMinutes: 37 },
      { metric: 'agent_work_time', priority: null, organizationId: 'org-1', policyId: null, targetMinutes: 0.5 },
      { metric: 'first_reply_time', priority: 'low', organizationId: null, policyId: null, targetMinutes: 100 },
    ];
    for (const fields of cases) {
      const objective: SlaObjective = { id: 'o', title: 'o', percent: 95, period: 'month', timeZone: 'UTC', ...fields };
      const filters = {
        metric: fields.metric,
        ...(fields.priority !== null ? { priority: fields.priority } : {}),
        ...(fields.organizationId !== null ? { organization: fields.organizationId } : {}),
        ...(fields.policyId !== null ? { policy: fields.policyId } : {}),
      };
      const counted = await store().countObjectiveRecords({ accountId: account.id, from: T0, to: now + 1, filters }, fields.targetMinutes);
      const expected = countForObjective(objective, records, now);
      expect(counted).toEqual(expected);
      expect(expected.good + expected.bad + expected.undecided).toBeGreaterThan(0);
    }
  });

  it('records one budget alert per objective and period, whoever claims it, and forgets them with the objective', async () => {
    const body = { title: 'Half of first replies in 1 h', metric: 'first_reply_time' as const, priority: null, organizationId: null, policyId: null, targetMinutes: 60, percent: 50, period: 'month' as const, timeZone: 'Europe/Warsaw' };
    const alert = { enabled: true, thresholdPercent: 25, recipients: ['lead@example.test'] };
    const saved = (await store().saveObjective({ accountId: account.id, body, alert, now: T0 }))!;
    expect([saved.alert, saved.alertTriggerId]).toEqual([alert, null]);
    await expect(store().saveObjectiveAlertTrigger(account.id, saved.objective.id, '7001')).resolves.toBe(true);
    expect((await store().listObjectives(account.id)).find((s) => s.objective.id === saved.objective.id)?.alertTriggerId).toBe('7001');

    const claim = (periodStart: number, ticketId: string) =>
      store().claimObjectiveAlert({ accountId: account.id, objectiveId: saved.objective.id, periodStart, ticketId, attainmentPercent: 57.1, budget: 3.5, budgetRemaining: 0.5, sentAt: T0 });
    // Two processes crossing the threshold at once: exactly one of them sends.
    const claims = await Promise.all([claim(T0, 't1'), claim(T0, 't2'), claim(T0, 't3')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    await expect(claim(T0, 't4')).resolves.toBe(false);
    await expect(claim(T0 + 1, 't5')).resolves.toBe(true);
    const latest = await store().latestObjectiveAlerts(account.id);
    expect(latest.get(saved.objective.id)).toEqual({ objectiveId: saved.objective.id, periodStart: T0 + 1, ticketId: 't5', attainmentPercent: 57.1, budget: 3.5, budgetRemaining: 0.5, sentAt: T0 });

    await store().deleteObjective(account.id, saved.objective.id);
    expect((await store().latestObjectiveAlerts(account.id)).has(saved.objective.id)).toBe(false);
  });
});
