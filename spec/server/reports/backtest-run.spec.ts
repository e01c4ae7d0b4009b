import { assessTicket, snapshotAt } from '../../../src/core/clock';
import { recordsFromAssessment } from '../../../src/core/report';
import { runBacktest } from '../../../src/server/reports/backtest-run';
import { draftRules } from '../../../src/server/reports/backtest-draft';
import type { Account } from '../../../src/server/store/sla-store';
import { generatedHistory, generatedPolicies, OFFICE_HOURS } from '../../support/generated-tickets';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const MARCH = Date.parse('2026-03-01T00:00:00+01:00');
const APRIL = Date.parse('2026-04-01T00:00:00+02:00');
const TICKETS = 150;

describe.each(TEST_DIALECTS)('sla backtest from the %s store', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  let recorded = 0;

  /**
   * The server's way of recording a ticket (src/server/pipeline/process-ticket.ts): the history as stored, the
   * ticket as of now, assessTicket at now, recordsFromAssessment, saveMetricRecords at now. Each ticket is
   * recorded at its own `now`, some before their last events, as a busy server leaves them.
   */
  beforeAll(async () => {
    account = await createTestAccount(store());
    const schedule = await store().saveSchedule({ accountId: account.id, name: 'Office', spec: OFFICE_HOURS, now: MARCH });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    for (const body of generatedPolicies(schedule.value.id)) await store().savePolicy({ accountId: account.id, body, authorId: null, now: MARCH });
    const policies = (await store().listPolicies(account.id)).map((p) => ({ id: p.id, position: p.position, ...p.body }));
    const { createSchedule } = await import('../../../src/core/schedule');
    const schedules = { [schedule.value.id]: createSchedule(OFFICE_HOURS) };
    for (let i = 0; i < TICKETS; i++) {
      const history = generatedHistory(i, MARCH, APRIL - MARCH - 5 * 86_400_000);
      await store().appendTicketEvents({ accountId: account.id, ticketId: String(i), events: history.map((event, n) => ({ sourceId: `gen:${i}:${n}`, event })) });
      const now = history[history.length - 1]!.at + (i % 3 === 0 ? -3_600_000 : (i % 17) * 3_600_000);
      const ticket = snapshotAt(history, now);
      const assessment = assessTicket({ ticket, history, policies, schedules, now });
      const records = recordsFromAssessment(ticket, assessment).map((r) => ({ ...r, accountId: account.id }));
      recorded += records.filter((r) => r.startedAt >= MARCH && r.startedAt < APRIL).length;
      await store().saveMetricRecords(records, now);
    }
  });

  it('reproduces every stored record exactly when replaying the current rules', async () => {
    const progress: number[] = [];
    const run = await runBacktest({ store: store(), accountId: account.id, from: MARCH, to: APRIL, onProgress: (done) => progress.push(done) });
    expect(run.reproduction).toEqual({ stored: recorded, replayed: recorded, identical: recorded, differing: [] });
    expect(run.comparison.tickets).toBe(TICKETS);
    expect([run.comparison.breachesGained, run.comparison.breachesLost, run.comparison.policySwitches]).toEqual([[], [], []]);
    expect(progress.at(-1)).toBe(TICKETS);
  });

  it('compares a draft that tightens urgent first replies: first replies gain breaches, none are lost, and the counts agree', async () => {
    const run = await runBacktest({
      store: store(),
      accountId: account.id,
      from: MARCH,
      to: APRIL,
      draft: (current) => {
        const policies = current.policies.map((p) => (p.title === 'Urgent' ? { ...p, targets: p.targets.map((t) => (t.metric === 'first_reply_time' ? { ...t, targetMinutes: 15 } : t)) } : p));
        const draft = draftRules({ policies }, current);
        if (!draft.ok) throw new Error(JSON.stringify(draft.errors));
        return draft.rules;
      },
    });
    const { comparison } = run;
    expect(comparison.breachesLost).toEqual([]);
    expect(comparison.breachesGained.length).toBeGreaterThan(0);
    expect(comparison.breachesGained.every((c) => c.metric === 'first_reply_time')).toBe(true);
    // the side-by-side counts tell the same story as the instance lists: every gained breach is one more late instance
    const late = (side: 'current' | 'draft') =>
      comparison.byMetric.filter((r) => r.key.metric === 'first_reply_time').reduce((n, r) => n + (r[side]?.metLate ?? 0) + (r[side]?.breached ?? 0), 0);
    expect(late('draft') - late('current')).toBe(comparison.breachesGained.length);
  });

  it('tells which stored records the replay does not reproduce: a changed field, one the replay lacks', async () => {
    const [first] = await store().listSliceRecords({ accountId: account.id, from: MARCH, to: APRIL });
    if (!first) throw new Error('no records');
    // changed in one field only: a replay that compared less than every field would call it identical
    await store().saveMetricRecords([{ ...first, calendarMinutes: (first.calendarMinutes ?? 0) + 1 }], MARCH);
    await store().saveMetricRecords([{ ...first, ticketId: 'gone', instance: 9 }], MARCH);
    const run = await runBacktest({ store: store(), accountId: account.id, from: MARCH, to: APRIL });
    expect(run.reproduction).toEqual({
      stored: recorded + 1,
      replayed: recorded,
      identical: recorded - 1,
      differing: [`${first.ticketId}/${first.metric}#${first.instance}`, `gone/${first.metric}#9`],
    });
  });

  it('refuses an invalid draft with the paths of its problems', () => {
    const result = draftRules({ policies: [{ id: 'x', title: '', position: 1, targets: [] }], schedules: { bad: { timeZone: 'Mars/Base' } } }, { policies: [], schedules: {} });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['schedules.bad.timeZone', 'policies[0].title']));
  });
});
