import fc from 'fast-check';
import { Backtest, replayTicket, type BacktestTicket, type RuleSet } from '../../../src/core/report';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';
import { target } from '../clock/history-builder';

const T0 = Date.parse('2026-03-02T00:00:00Z');
const MINUTE = 60_000;
const ASOF = Date.parse('2026-04-01T00:00:00Z');

/** Ticket i: created at T0 + i hours, urgent when i % 4 == 0, first public agent reply after i % 90 minutes and a half (never at creation: that would be an outbound ticket). */
function ticket(i: number): BacktestTicket {
  const createdAt = T0 + i * 60 * MINUTE;
  const history: TicketEvent[] = [
    { type: 'created', at: createdAt, ticket: aTicket({ id: String(i), priority: i % 4 === 0 ? 'urgent' : 'normal' }) },
    { type: 'comment', at: createdAt + (i % 90) * MINUTE + 30_000, public: true, authorRole: 'agent' },
  ];
  return { ticketId: String(i), history };
}

const current: RuleSet = { policies: [aPolicy({ id: 'standard', targets: [target('first_reply_time', 60)] })], schedules: {} };
const draft: RuleSet = {
  policies: [
    aPolicy({ id: 'standard', targets: [target('first_reply_time', 60)] }),
    aPolicy({ id: 'urgent', position: 2, filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] }, targets: [target('first_reply_time', 30)] }),
  ],
  schedules: {},
};
const N = 360;
const tickets = Array.from({ length: N }, (_, i) => ticket(i));
const config = { current, draft, from: T0, to: ASOF, asOf: ASOF };

function run(input: readonly BacktestTicket[]) {
  const backtest = new Backtest(config);
  for (const t of input) backtest.add(t);
  return backtest.finish();
}

describe('Backtest', () => {
  const result = run(tickets);
  const indices = Array.from({ length: N }, (_, i) => i);
  const urgent = indices.filter((i) => i % 4 === 0);
  // by construction: the reply takes i % 90 minutes; a reply at exactly the target is late
  const lateUnder = (minutes: number, of: number[]) => of.filter((i) => i % 90 >= minutes);

  it('reports attainment per metric and priority under both rule sets, as constructed', () => {
    const urgentRow = result.byMetric.find((r) => r.key.metric === 'first_reply_time' && r.key.priority === 'urgent')!;
    expect([urgentRow.current?.metLate, urgentRow.draft?.metLate]).toEqual([lateUnder(60, urgent).length, lateUnder(30, urgent).length]);
    expect(urgentRow.current?.metPercent).toBe((100 * (urgent.length - lateUnder(60, urgent).length)) / urgent.length);
    const normalRow = result.byMetric.find((r) => r.key.priority === 'normal' && r.key.metric === 'first_reply_time')!;
    expect(normalRow.current).toEqual(normalRow.draft);
  });

  it('lists breaches gained, none lost, and every urgent ticket switching to the urgent policy', () => {
    expect(result.breachesGained.map((c) => Number(c.ticketId)).sort((a, b) => a - b)).toEqual(urgent.filter((i) => i % 90 >= 30 && i % 90 < 60));
    expect(result.breachesLost).toEqual([]);
    expect(result.policySwitches).toHaveLength(urgent.length);
    expect(result.policySwitches.every((s) => s.from === 'standard' && s.to === 'urgent')).toBe(true);
    expect(result.byPolicy.map((r) => [r.key.policy, r.key.priority, r.current !== null, r.draft !== null])).toContainEqual(['urgent', 'urgent', false, true]);
  });

  it('changes nothing when the draft is the current set', () => {
    const backtest = new Backtest({ ...config, draft: current });
    for (const t of tickets) backtest.add(t);
    const same = backtest.finish();
    expect([same.breachesGained, same.breachesLost, same.policySwitches]).toEqual([[], [], []]);
    expect(same.byMetric.every((r) => JSON.stringify(r.current) === JSON.stringify(r.draft))).toBe(true);
  });

  it('gives the same comparison whatever order the tickets arrive in', () => {
    const sample = tickets.slice(0, 60);
    const expected = JSON.stringify(run(sample));
    fc.assert(fc.property(fc.shuffledSubarray(sample, { minLength: sample.length }), (shuffled) => JSON.stringify(run(shuffled)) === expected), { numRuns: 20 });
  });

  it('compares objectives met and missed under each set', () => {
    const objective = { id: 'o', title: '', metric: 'first_reply_time' as const, priority: 'urgent' as const, organizationId: null, policyId: null, targetMinutes: 45, percent: 50, period: 'month' as const, timeZone: 'Etc/UTC' };
    const backtest = new Backtest({ ...config, asOf: Date.parse('2026-03-31T00:00:00Z'), objectives: [objective] });
    for (const t of tickets) backtest.add(t);
    const [compared] = backtest.finish().objectives;
    // the objective reads business minutes, which the draft does not change: both sides agree, by construction
    const good = urgent.filter((i) => i % 90 < 45).length;
    expect([compared?.current.good, compared?.draft.good, compared?.current.bad]).toEqual([good, good, urgent.length - good]);
  });

  it('replays a ticket at a given instant, leaving later events out', () => {
    const replayed = replayTicket(ticket(50), current, T0 + 50 * 60 * MINUTE + 10 * MINUTE);
    expect(replayed.records.find((r) => r.metric === 'first_reply_time')?.status).toBe('active');
  });
});
