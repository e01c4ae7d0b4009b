import { objectiveStatusOf } from '../../../src/core/report';
import { budgetAtThreshold } from '../../../src/server/pipeline/objective-budget-alerts';
import { anObjective } from '../../support/an-objective';

describe('budgetAtThreshold', () => {
  const now = Date.parse('2026-12-10T12:00:00Z');
  /** 95% within the hour: one bad instance per 20 decided fits the budget. */
  const statusOf = (good: number, bad: number) => objectiveStatusOf(anObjective({ percent: 95 }), { good, bad, undecided: 0 }, now);

  it('says nothing before the first bad instance', () => {
    expect(budgetAtThreshold(statusOf(40, 0), 100)).toBe(false);
  });

  it('waits until the period’s budget can take one whole breach: one late reply of the first few is noise', () => {
    // 1 of 10 decided: 0% or 90% attainment, but a budget of half a breach.
    expect(budgetAtThreshold(statusOf(0, 1), 25)).toBe(false);
    expect(budgetAtThreshold(statusOf(9, 1), 25)).toBe(false);
    // 20 decided: a budget of exactly one breach, spent.
    expect(budgetAtThreshold(statusOf(19, 1), 25)).toBe(true);
  });

  it('alerts when what is left falls to the threshold, not before', () => {
    // 80 decided: a budget of 4.
    expect(budgetAtThreshold(statusOf(78, 2), 25)).toBe(false); // 2 of 4 left: 50%
    expect(budgetAtThreshold(statusOf(77, 3), 25)).toBe(true); // 1 of 4 left: 25%
    expect(budgetAtThreshold(statusOf(77, 3), 20)).toBe(false);
    expect(budgetAtThreshold(statusOf(74, 6), 0)).toBe(true); // overspent
  });
});
