import { complianceReport } from '../../../../src/core/report';
import { CSV_BATCH_ROWS } from '../../../../src/server/http/routes/reports';
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

/**
 * `count` breaches, `perInstant` of them at each breach instant (ties the list must still order), two metrics per
 * ticket; ticket ids of one length, so text order is number order.
 */
function breaches(accountId: string, count: number, perInstant: number): MetricRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const breachedAt = T0 + Math.floor(i / perInstant) * HOUR;
    const shuffled = (i * 7919) % count; // 7919 is prime: a permutation of 0…count-1, so ties are not in seed order
    return {
      accountId,
      ticketId: String(10_000 + Math.floor(shuffled / 2)),
      metric: shuffled % 2 === 0 ? 'first_reply_time' : 'next_reply_time',
      instance: 1 + (i % 3),
      policyId: 'p1',
      priority: 'high',
      groupId: null,
      assigneeId: null,
      brandId: null,
      organizationId: null,
      via: 'web',
      status: 'breached',
      startedAt: breachedAt - HOUR,
      dueAt: breachedAt,
      fulfilledAt: null,
      breachedAt,
      businessMinutes: 60,
      calendarMinutes: 60,
    };
  });
}

/** The list's order: newest breach first, then ticket, metric, instance. */
function listOrder(a: MetricRecord, b: MetricRecord): number {
  return b.breachedAt! - a.breachedAt! || a.ticketId.localeCompare(b.ticketId) || a.metric.localeCompare(b.metric) || a.instance - b.instance;
}

const keyOf = (r: { ticketId: string; metric: string; instance: number | string }) => `${r.ticketId}/${r.metric}/${r.instance}`;

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

  it('pages through every breach once, in a stable order that breaks ties at one instant, keeping the filters', async () => {
    const paged = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    const seeded = breaches(paged.id, 23, 4);
    await store().saveMetricRecords([...seeded, ...breaches(paged.id, 5, 1).map((r) => ({ ...r, ticketId: `2${r.ticketId.slice(1)}`, priority: 'low' as const }))], NOW);
    const shown: string[] = [];
    const totals = new Set<number>();
    for (let offset = 0; offset < 30; offset += 5) {
      const response = await api.call(paged, 'GET', `/api/reports/breaches?${month}&priority=high&limit=5&offset=${offset}`);
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect([body.limit, body.offset]).toEqual([5, offset]);
      totals.add(body.total);
      shown.push(...body.breaches.map(keyOf));
    }
    expect([...totals]).toEqual([23]);
    expect(shown).toEqual([...seeded].sort(listOrder).map(keyOf));
  });

  it('exports every breach of the filters as CSV, past the batch the server reads at a time', async () => {
    const many = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    const count = 2 * CSV_BATCH_ROWS + 37;
    const seeded = breaches(many.id, count, 10); // 10 per instant: batch boundaries fall inside ties
    for (let start = 0; start < count; start += 400) await store().saveMetricRecords(seeded.slice(start, start + 400), NOW);
    await store().saveMetricRecords(breaches(many.id, 3, 1).map((r) => ({ ...r, ticketId: `2${r.ticketId.slice(1)}`, priority: 'low' as const })), NOW);
    const response = await api.call(many, 'GET', `/api/reports/breaches?${month}&priority=high&format=csv`);
    expect([response.statusCode, response.headers['content-type']]).toEqual([200, 'text/csv; charset=utf-8']);
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^ticket_id,ticket_url,metric,instance,/);
    const rows = lines.slice(1).map((line) => {
      const [ticketId, , metric, instance] = line.split(',');
      return keyOf({ ticketId: ticketId!, metric: metric!, instance: instance! });
    });
    expect(rows).toEqual([...seeded].sort(listOrder).map(keyOf));
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
