import { objectivePeriodOf, objectiveStatus } from '../../../src/core/report';
import { aRecord } from './a-record';
import { anObjective } from '../../support/an-objective';

const objective = anObjective();
const NOW = Date.parse('2026-03-16T12:00:00+01:00');
const IN_MARCH = Date.parse('2026-03-01T00:30:00+01:00');

describe('objectivePeriodOf', () => {
  it('reads the calendar month in the zone, across the DST change (Warsaw, March 2026)', () => {
    const { start, end } = objectivePeriodOf(NOW, 'month', 'Europe/Warsaw');
    expect(new Date(start).toISOString()).toBe('2026-02-28T23:00:00.000Z');
    expect(new Date(end).toISOString()).toBe('2026-03-31T22:00:00.000Z');
  });

  it('starts weeks on Monday', () => {
    const { start } = objectivePeriodOf(Date.parse('2026-03-01T10:00:00Z'), 'week', 'Etc/UTC');
    expect(new Date(start).toISOString()).toBe('2026-02-23T00:00:00.000Z');
  });
});

describe('objectiveStatus', () => {
  it('counts good, bad and undecided instances of the period, and the error budget they leave', () => {
    const urgent = (n: number, overrides: Parameters<typeof aRecord>[0]) =>
      Array.from({ length: n }, (_, i) => aRecord({ priority: 'urgent', startedAt: IN_MARCH + i, ...overrides, ticketId: `${overrides?.status}-${overrides?.businessMinutes}-${i}` }));
    const records = [
      ...urgent(190, { status: 'met', businessMinutes: 59.5 }),
      // exactly at the threshold is late (half-open, like due times)
      ...urgent(4, { status: 'met', businessMinutes: 60 }),
      ...urgent(4, { status: 'met_late', businessMinutes: 200 }),
      ...urgent(2, { status: 'breached', businessMinutes: 61 }),
      ...urgent(5, { status: 'active', businessMinutes: 30 }),
      ...urgent(1, { status: 'not_applicable', businessMinutes: null }),
      // not counted: another priority, another metric, February, after now
      aRecord({ priority: 'high', startedAt: IN_MARCH, status: 'met_late', businessMinutes: 500 }),
      aRecord({ priority: 'urgent', metric: 'next_reply_time', startedAt: IN_MARCH, status: 'met_late', businessMinutes: 500 }),
      aRecord({ priority: 'urgent', startedAt: Date.parse('2026-02-28T23:59:00+01:00'), status: 'met_late', businessMinutes: 500 }),
      aRecord({ priority: 'urgent', startedAt: NOW + 1, status: 'met_late', businessMinutes: 500 }),
    ];
    expect(objectiveStatus(objective, records, NOW)).toEqual({
      objectiveId: 'o1',
      periodStart: Date.parse('2026-03-01T00:00:00+01:00'),
      periodEnd: Date.parse('2026-04-01T00:00:00+02:00'),
      elapsedFraction: (NOW - Date.parse('2026-03-01T00:00:00+01:00')) / (30 * 24 * 3_600_000 + 23 * 3_600_000),
      good: 190,
      bad: 10,
      undecided: 5,
      attainmentPercent: 95,
      errorBudget: 10,
      errorBudgetRemaining: 0,
      burnRate: 1,
      met: true,
    });
  });

  it('narrows to one organization, and says nothing is decided when nothing is', () => {
    const scoped = { ...objective, organizationId: 'org-1' };
    const records = [aRecord({ priority: 'urgent', startedAt: IN_MARCH, organizationId: 'org-2', status: 'met_late', businessMinutes: 90 })];
    expect(objectiveStatus(scoped, records, NOW)).toMatchObject({ good: 0, bad: 0, attainmentPercent: null, burnRate: null, met: null, errorBudget: 0 });
    const mine = [aRecord({ priority: 'urgent', startedAt: IN_MARCH, organizationId: 'org-1', status: 'met_late', businessMinutes: 90 }), aRecord({ ticketId: '2', priority: 'urgent', startedAt: IN_MARCH, organizationId: 'org-1' })];
    // 1 bad of 2: 50% attained, budget 0.1, burn rate (1/2) / 0.05 = 10
    expect(objectiveStatus(scoped, mine, NOW)).toMatchObject({ good: 1, bad: 1, attainmentPercent: 50, errorBudgetRemaining: 0.1 - 1, burnRate: 10, met: false });
  });
});
