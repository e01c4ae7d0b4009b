import fc from 'fast-check';
import { complianceReport, ComplianceAccumulator, type ReportDimension, type ReportRecord } from '../../../src/core/report';
import { aRecord } from './a-record';

interface GroupPlan {
  readonly met: number;
  readonly metLate: number;
  readonly breached: number;
  readonly running: number;
  readonly notApplicable: number;
}

/** Records for one group, each instance on its own ticket; met durations 1…met, late ones 1000 + i. */
function recordsFor(groupId: string | null, plan: GroupPlan): ReportRecord[] {
  const make = (status: string, count: number, minutes: (i: number) => number | null) =>
    Array.from({ length: count }, (_, i) => aRecord({ ticketId: `${groupId}-${status}-${i}`, groupId, status, businessMinutes: minutes(i) }));
  return [
    ...make('met', plan.met, (i) => i + 1),
    ...make('met_late', plan.metLate, (i) => 1000 + i),
    ...make('breached', plan.breached, () => 2000),
    ...make('active', plan.running, () => 5),
    ...make('not_applicable', plan.notApplicable, () => null),
  ];
}

describe('complianceReport', () => {
  it('counts and shares by group, with nearest-rank median and p90 of fulfilled instances', () => {
    const records = [
      ...recordsFor('g1', { met: 8, metLate: 1, breached: 1, running: 2, notApplicable: 3 }),
      ...recordsFor(null, { met: 1, metLate: 0, breached: 3, running: 0, notApplicable: 0 }),
    ];
    const rows = complianceReport(records, { groupBy: ['group'] });
    expect(rows).toEqual([
      {
        key: { group: 'g1' },
        tickets: 12,
        instances: 12,
        met: 8,
        metLate: 1,
        breached: 1,
        running: 2,
        metPercent: 80,
        metLatePercent: 10,
        breachedPercent: 10,
        // fulfilled minutes 1…8 and 1000: 9 values, median rank 5, p90 rank ceil(8.1) = 9
        medianBusinessMinutes: 5,
        p90BusinessMinutes: 1000,
      },
      { key: { group: null }, tickets: 4, instances: 4, met: 1, metLate: 0, breached: 3, running: 0, metPercent: 25, metLatePercent: 0, breachedPercent: 75, medianBusinessMinutes: 1, p90BusinessMinutes: 1 },
    ]);
  });

  it('counts distinct tickets apart from instances, and filters before grouping', () => {
    const records = [
      aRecord({ ticketId: '1', metric: 'next_reply_time', instance: 1 }),
      aRecord({ ticketId: '1', metric: 'next_reply_time', instance: 2, status: 'breached' }),
      aRecord({ ticketId: '2', metric: 'next_reply_time', priority: 'low' }),
      aRecord({ ticketId: '3', metric: 'first_reply_time' }),
    ];
    const rows = complianceReport(records, { groupBy: ['metric', 'priority'], filters: { group: 'g1', channel: 'email' } });
    expect(rows.map((r) => [r.key, r.tickets, r.instances])).toEqual([
      [{ metric: 'first_reply_time', priority: 'high' }, 1, 1],
      [{ metric: 'next_reply_time', priority: 'high' }, 1, 2],
      [{ metric: 'next_reply_time', priority: 'low' }, 1, 1],
    ]);
    expect(complianceReport(records, { groupBy: [], filters: { organization: 'acme' } })).toEqual([]);
    expect(complianceReport(records, { groupBy: [], filters: { organization: null } })[0]?.instances).toBe(4);
  });

  it('gives back, for any plan, the counts it was built from; shares of decided sum to 100', () => {
    const plan = fc.record({ met: fc.nat(30), metLate: fc.nat(30), breached: fc.nat(30), running: fc.nat(30), notApplicable: fc.nat(5) });
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('g1', 'g2', 'g3'), plan, { minKeys: 1 }), (plans) => {
        const records = Object.entries(plans).flatMap(([group, p]) => recordsFor(group, p));
        const rows = complianceReport(records, { groupBy: ['group'] });
        for (const row of rows) {
          const p = plans[row.key.group!]!;
          expect([row.met, row.metLate, row.breached, row.running]).toEqual([p.met, p.metLate, p.breached, p.running]);
          if (p.met + p.metLate + p.breached > 0) expect(row.metPercent! + row.metLatePercent! + row.breachedPercent!).toBeCloseTo(100, 9);
          // met minutes 1…met sit below every late one (≥ 1000): the median's rank decides which side it is on
          const fulfilled = p.met + p.metLate;
          const rank = Math.ceil(fulfilled / 2);
          expect(row.medianBusinessMinutes).toBe(fulfilled === 0 ? null : rank <= p.met ? rank : 1000 + rank - p.met - 1);
        }
        expect(rows.length).toBe(Object.values(plans).filter((p) => p.met + p.metLate + p.breached + p.running > 0).length);
      }),
    );
  });

  it('counts whole tickets (addTicket) as it counts their records one by one, with no set of ticket ids', () => {
    const metrics = ['first_reply_time', 'next_reply_time', 'agent_work_time'] as const;
    const statuses = ['met', 'met_late', 'breached', 'active', 'not_applicable'];
    const aRecordOf = fc.record({
      metric: fc.constantFrom(...metrics),
      policyId: fc.constantFrom('p1', 'p2', null),
      priority: fc.constantFrom('high' as const, 'low' as const, null),
      status: fc.constantFrom(...statuses),
      businessMinutes: fc.option(fc.nat(500)),
    });
    const groupings: readonly (readonly ReportDimension[])[] = [['policy', 'metric', 'priority'], ['metric', 'priority'], []];
    fc.assert(
      fc.property(fc.array(fc.array(aRecordOf, { maxLength: 6 }), { maxLength: 12 }), (tickets) => {
        const byTicket = tickets.map((fields, t) => fields.map((f, i) => aRecord({ ...f, ticketId: `t${t}`, instance: i + 1 })));
        for (const groupBy of groupings) {
          const whole = new ComplianceAccumulator({ groupBy, filters: { channel: 'email' } });
          for (const records of byTicket) whole.addTicket(records);
          expect(whole.rows()).toEqual(complianceReport(byTicket.flat(), { groupBy, filters: { channel: 'email' } }));
        }
      }),
    );
    const whole = new ComplianceAccumulator({ groupBy: ['metric'] });
    expect(() => whole.addTicket([aRecord({ ticketId: '1' }), aRecord({ ticketId: '2' })])).toThrow(/one ticket/);
  });
});
