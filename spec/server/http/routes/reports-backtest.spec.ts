import { assessTicket, snapshotAt } from '../../../../src/core/clock';
import { recordsFromAssessment } from '../../../../src/core/report';
import { createSchedule } from '../../../../src/core/schedule';
import type { Account } from '../../../../src/server/store/sla-store';
import { generatedHistory, generatedPolicies, OFFICE_HOURS } from '../../../support/generated-tickets';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../../support/test-database';
import { APP_SECRET, reportApi } from './report-api';

const MARCH = '2026-03-01T00:00:00+01:00';
const APRIL = '2026-04-01T00:00:00+02:00';
const NOW = Date.parse('2026-04-02T00:00:00Z');

describe.each(TEST_DIALECTS)('POST /api/reports/backtest on %s', (dialect) => {
  const store = useTestStore(dialect);
  let api: Awaited<ReturnType<typeof reportApi>>;
  let account: Account;
  beforeAll(async () => {
    api = await reportApi(store(), NOW);
    account = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    const schedule = await store().saveSchedule({ accountId: account.id, name: 'Office', spec: OFFICE_HOURS, now: 0 });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    for (const body of generatedPolicies(schedule.value.id)) await store().savePolicy({ accountId: account.id, body, authorId: null, now: 0 });
    const policies = (await store().listPolicies(account.id)).map((p) => ({ id: p.id, position: p.position, ...p.body }));
    const schedules = { [schedule.value.id]: createSchedule(OFFICE_HOURS) };
    for (let i = 0; i < 30; i++) {
      const history = generatedHistory(i, Date.parse(MARCH), 20 * 86_400_000);
      await store().appendTicketEvents({ accountId: account.id, ticketId: String(i), events: history.map((event, n) => ({ sourceId: `g${n}`, event })) });
      const now = history.at(-1)!.at;
      const ticket = snapshotAt(history, now);
      const records = recordsFromAssessment(ticket, assessTicket({ ticket, history, policies, schedules, now }));
      await store().saveMetricRecords(records.map((r) => ({ ...r, accountId: account.id })), now);
    }
  });
  afterAll(() => api.app.close());

  it('simulates a draft policy list against the current one', async () => {
    const current = await store().listPolicies(account.id);
    // the draft drops every policy but the catch-all: tickets of Urgent and VIP switch to Standard
    const standard = current.find((p) => p.body.title === 'Standard')!;
    const response = await api.call(account, 'POST', '/api/reports/backtest', { from: MARCH, to: APRIL, policies: [{ id: standard.id, position: 1, ...standard.body }] });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.tickets).toBe(30);
    // Not asked to verify: the stored records are not read.
    expect(body.reproduction).toBeNull();
    expect(body.policySwitches.count).toBeGreaterThan(0);
    expect(body.policySwitches.items.every((s: { to: string }) => s.to === standard.id)).toBe(true);
    expect(body.policyTitles[standard.id]).toBe('Standard');
  });

  it('checks the reproduction of the stored records when asked to verify', async () => {
    const current = await store().listPolicies(account.id);
    const response = await api.call(account, 'POST', '/api/reports/backtest', { from: MARCH, to: APRIL, verify: true, policies: current.map((p) => ({ id: p.id, position: p.position, ...p.body })) });
    expect(response.statusCode).toBe(200);
    const { reproduction } = response.json();
    expect(reproduction.stored).toBeGreaterThan(30);
    expect(reproduction).toEqual({ stored: reproduction.stored, replayed: reproduction.stored, identical: reproduction.stored, differing: [] });
    const bad = await api.call(account, 'POST', '/api/reports/backtest', { from: MARCH, to: APRIL, verify: 'yes', policies: [] });
    expect([bad.statusCode, bad.json().error.path]).toEqual([400, 'verify']);
  });

  it('refuses an invalid draft or period, naming the field', async () => {
    const badDraft = await api.call(account, 'POST', '/api/reports/backtest', { from: MARCH, to: APRIL, policies: [{ id: 'x', title: '', position: 1, targets: [] }] });
    expect([badDraft.statusCode, badDraft.json().error.code, badDraft.json().error.path]).toEqual([400, 'invalid_draft', 'policies[0].title']);
    const badPeriod = await api.call(account, 'POST', '/api/reports/backtest', { from: APRIL, to: MARCH, policies: [] });
    expect([badPeriod.statusCode, badPeriod.json().error.code]).toEqual([400, 'invalid_period']);
  });
});
