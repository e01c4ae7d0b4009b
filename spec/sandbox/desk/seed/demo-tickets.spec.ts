import { planDemoTickets, SEED_HISTORY_MS } from '../../../../src/sandbox/desk/seed/demo-tickets';
import { seededRandom } from '../../../../src/sandbox/desk/seed/seeded-random';

const NOW = Date.parse('2026-11-23T15:00:00Z');

describe('planDemoTickets', () => {
  it.each([1, 2, 3, 42, 1234])('keeps every step of seed %i after its ticket’s creation and before now', (seed) => {
    for (const plan of planDemoTickets(seededRandom(seed), NOW)) {
      expect(plan.createdAt).toBeGreaterThanOrEqual(NOW - SEED_HISTORY_MS);
      const times = plan.updates.map((u) => u.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const at of times) {
        expect(at).toBeGreaterThan(plan.createdAt);
        expect(at).toBeLessThan(NOW);
      }
    }
  });

  it.each([1, 2, 3, 42, 1234])('gives seed %i every priority and urgent tickets under an hour old', (seed) => {
    const plans = planDemoTickets(seededRandom(seed), NOW);
    expect(new Set(plans.map((p) => p.priority))).toEqual(new Set(['low', 'normal', 'high', 'urgent']));
    const soon = plans.filter((p) => p.priority === 'urgent' && NOW - p.createdAt < 3_600_000);
    expect(soon.length).toBeGreaterThanOrEqual(2);
  });
});
