import { complianceReport } from '../../../../src/core/report';
import type { Account, MetricRecord } from '../../../../src/server/store/sla-store';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../../support/test-database';
import { APP_SECRET, reportApi } from './report-api';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const T0 = Date.parse('2026-03-02T08:00:00Z');
const HOUR = 3_600_000;

/** Ticket i: first reply in group g(i % 3), met in i minutes unless i % 5 == 0 (met late) or i % 7 == 0 (breached). */
function records(accountId: string, count: number): MetricRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const status = i % 7 === 0 ? 'breached' : i % 5 === 0 ? 'met_late' : 'met';
    const startedAt = T0 + i * HOUR;
    const dueAt = startedAt + 60 * 60_000;
    return {
      accountId,
      ticketId: String(100 + i),
      metric: 'first_reply_time',
      instance: 1,
      policyId: 'p1',
      priority: i % 2 === 0 ? 'urgent' : 'normal',
      groupId: `g${i % 3}`,
      assigneeId: null,
      brandId: null,
      organizationId: i % 4 === 0 ? 'org,"quoted"' : null,
      via: 'email',
      status,
      startedAt,
      dueAt,
      fulfilledAt: status === 'breached' ? null : startedAt + (status === 'met' ? i : 90) * 60_000,
      breachedAt: status === 'met' ? null : dueAt,
      businessMinutes: status === 'met' ? i : 90,
      calendarMinutes: status === 'met' ? i : 90,
    };
  });
}

describe.each(TEST_DIALECTS)('report routes on %s', (dialect) => {
  const store = useTestStore(dialect);
  let api: Awaited<ReturnType<typeof reportApi>>;
  let account: Account;
  let saved: MetricRecord[];
  beforeAll(async () => {
    api = await reportApi(store(), NOW);
    account = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    saved = records(account.id, 100);
    await store().saveMetricRecords(saved, NOW);
  });
  afterAll(() => api.app.close());

  const month = 'from=2026-03-01T00:00:00%2B01:00&to=2026-04-01T00:00:00%2B02:00';

  it('answers compliance by group for a period, as the core computes it', async () => {
    const response = await api.call(account, 'GET', `/api/reports/compliance?${month}&groupBy=group`);
    expect(response.statusCode).toBe(200);
    expect(response.json().rows).toEqual(complianceReport(saved, { groupBy: ['group'] }));
    expect(response.json().rows.map((r: { key: unknown }) => r.key)).toEqual([{ group: 'g0' }, { group: 'g1' }, { group: 'g2' }]);
  });

  it('filters by a dimension, "none" meaning tickets without one', async () => {
    const response = await api.call(account, 'GET', `/api/reports/compliance?${month}&groupBy=priority&organization=none`);
    expect(response.json().rows).toEqual(complianceReport(saved, { groupBy: ['priority'], filters: { organization: null } }));
  });

  it('exports compliance as CSV with the same filters', async () => {
    const response = await api.call(account, 'GET', `/api/reports/compliance?${month}&groupBy=group&priority=urgent&format=csv`);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.trimEnd().split('\r\n');
    const expected = complianceReport(saved, { groupBy: ['group'], filters: { priority: 'urgent' } });
    expect(lines[0]).toBe('group,tickets,instances,met,met_late,breached,running,met_percent,met_late_percent,breached_percent,median_business_minutes,p90_business_minutes');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 6))).toEqual(expected.map((r) => [r.key.group, r.tickets, r.instances, r.met, r.metLate, r.breached].map(String)));
  });

  it('lists breaches newest first with ticket links and lateness, and a daily trend in the viewer zone', async () => {
    const breached = saved.filter((r) => r.breachedAt !== null).sort((a, b) => b.breachedAt! - a.breachedAt!);
    const response = await api.call(account, 'GET', `/api/reports/breaches?${month}&limit=3&tz=America/New_York`);
    const body = response.json();
    expect(body.total).toBe(breached.length);
    expect(body.breaches.map((b: { ticketId: string }) => b.ticketId)).toEqual(breached.slice(0, 3).map((r) => r.ticketId));
    const first = body.breaches[0];
    expect(first.ticketUrl).toBe(`https://${account.subdomain}.zendesk.com/agent/tickets/${first.ticketId}`);
    const record = breached[0]!;
    expect(first.lateMinutes).toBe(((record.fulfilledAt ?? NOW) - record.dueAt!) / 60_000);
    const points: { date: string; breaches: number }[] = body.trend.points;
    expect(points[0]?.date).toBe('2026-02-28'); // 2026-03-01T00:00+01:00 is still Feb 28 in New York
    expect(points.reduce((n, p) => n + p.breaches, 0)).toBe(breached.length);
  });

  it('exports breaches as CSV in the viewer zone, quoting what needs quoting', async () => {
    const response = await api.call(account, 'GET', `/api/reports/breaches?${month}&format=csv&tz=Europe/Warsaw&organization=${encodeURIComponent('org,"quoted"')}`);
    const lines = response.body.trimEnd().split('\r\n');
    const expected = saved.filter((r) => r.breachedAt !== null && r.organizationId !== null);
    expect(lines).toHaveLength(1 + expected.length);
    expect(lines[1]).toContain('"org,""quoted"""');
    expect(lines[1]).toMatch(/,2026-03-\d\dT\d\d:\d\d:\d\d\+01:00,/);
  });

  it('refuses a malformed period or dimension with the error shape of every route', async () => {
    const noOffset = await api.call(account, 'GET', '/api/reports/compliance?from=2026-03-01T00:00:00&to=2026-04-01T00:00:00Z');
    expect([noOffset.statusCode, noOffset.json().error]).toEqual([400, { code: 'invalid_query', message: expect.any(String), path: 'from', problems: expect.any(Array) }]);
    const badGroup = await api.call(account, 'GET', `/api/reports/compliance?${month}&groupBy=colour`);
    expect(badGroup.json().error.path).toBe('groupBy');
    const badZone = await api.call(account, 'GET', `/api/reports/breaches?${month}&tz=Mars/Olympus`);
    expect(badZone.json().error.path).toBe('tz');
    const unsigned = await api.app.inject({ method: 'GET', url: `/api/reports/compliance?${month}` });
    expect(unsigned.statusCode).toBe(401);
  });

  it("never shows another account's records", async () => {
    const neighbour = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    const response = await api.call(neighbour, 'GET', `/api/reports/breaches?${month}`);
    expect([response.json().total, response.json().breaches]).toEqual([0, []]);
  });
});
