import type { SimulationView } from '../../../../../src/app/locations/admin/policies/backtest-api';
import SimulationResult from '../../../../../src/app/locations/admin/policies/SimulationResult';
import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { renderMarkup, textOf, tIn } from '../render-markup';

const simulation: SimulationView = {
  from: Date.UTC(2026, 1, 1),
  to: Date.UTC(2026, 2, 3),
  tickets: 12,
  byPolicy: [
    { policy: 'p1', metric: 'first_reply_time', priority: 'urgent', current: { metPercent: 50, breached: 2, instances: 4 }, draft: { metPercent: 100, breached: 0, instances: 4 } },
    { policy: 'new', metric: 'first_reply_time', priority: 'high', current: null, draft: { metPercent: 75, breached: 1, instances: 4 } },
  ],
  breachesGained: 1,
  breachesLost: 2,
  policySwitches: [{ ticketId: '7', from: 'p1', to: 'new' }],
  policySwitchCount: 1,
  policyTitles: { p1: 'Urgent tickets', new: 'High tickets' },
};

const percent = (v: number | null) => (v === null ? '–' : `${v}%`);

describe('SimulationResult', () => {
  it('labels itself a simulation and puts current and draft side by side per policy, metric and priority', () => {
    const text = textOf(renderMarkup(<SimulationResult simulation={simulation} period="Feb 1 – Mar 3" percent={percent} t={tIn('en')} />));
    expect(text).toContain('Simulation: this draft vs the current policies (nothing saved)');
    expect(text).toContain('12 tickets replayed, Feb 1 – Mar 3.');
    expect(text).toContain('1 breach the draft would add 2 breaches the draft would avoid 1 ticket would switch policy');
    expect(text).toContain('Urgent tickets First reply time Urgent 50% (2 breaches) 100% (0 breaches)');
    expect(text).toContain('High tickets First reply time High – 75% (1 breach)');
    expect(text).toContain('Ticket #7: Urgent tickets → High tickets');
  });

  it('puts the rows the draft changes first, marked', () => {
    const same = { policy: 'p1', metric: 'next_reply_time', priority: 'low', current: { metPercent: 80, breached: 1, instances: 5 }, draft: { metPercent: 80, breached: 1, instances: 5 } };
    const html = renderMarkup(<SimulationResult simulation={{ ...simulation, byPolicy: [same, ...simulation.byPolicy] }} period="x" percent={percent} t={tIn('en')} />);
    expect([...html.matchAll(/data-simulated-row="(\w+)"/g)].map((m) => m[1])).toEqual(['changed', 'changed', 'same']);
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('renders in %s with every key translated', (locale) => {
    expect(() => renderMarkup(<SimulationResult simulation={simulation} period="x" percent={percent} t={tIn(locale)} />)).not.toThrow();
    expect(() => renderMarkup(<SimulationResult simulation={{ ...simulation, byPolicy: [], policySwitches: [] }} period="x" percent={percent} t={tIn(locale)} />)).not.toThrow();
  });
});
