import ImpactReview from '../../../../../src/app/locations/admin/policies/ImpactReview';
import type { Impact } from '../../../../../src/app/locations/admin/api/policies-api';
import type { LoadState } from '../../../../../src/app/load-state';
import { renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

const impact: LoadState<Impact> = {
  status: 'ready',
  value: {
    truncated: true,
    changes: [
      { ticketId: '19', metric: 'first_reply_time', change: 'later', dueBefore: '2026-12-01T08:00:00.000Z', dueAfter: '2026-12-01T09:00:00.000Z' },
      { ticketId: '19', metric: 'next_reply_time', change: 'no_longer_applies', dueBefore: null, dueAfter: null },
      { ticketId: '23', metric: 'total_resolution_time', change: 'no_longer_applies', dueBefore: '2026-12-02T13:42:00.000Z', dueAfter: null },
    ],
  },
};

const render = (state: LoadState<Impact>, locale: 'en' | 'pl' = 'en') =>
  renderMarkup(<ImpactReview impact={state} apply="recompute_open" locale={locale} timeZone="Europe/Warsaw" t={tIn(locale)} onApplyChange={() => undefined} />);

describe('ImpactReview', () => {
  it('counts the changes by kind, then lists each ticket’s metric with its due times in the admin’s zone', () => {
    const html = render(impact);
    expect(textOf(html)).toContain('3 changes on open tickets: due later: 1 · loses its target: 2 Only part of the open tickets was checked');
    expect(textOf(sectionOf(html, 'data-impact-ticket', '19'))).toBe('#19 First reply time due later Dec 1, 2026, 9:00 AM Dec 1, 2026, 10:00 AM');
    expect(textOf(sectionOf(html, 'data-impact-ticket', '23'))).toContain('Total resolution time loses its target Dec 2, 2026, 2:42 PM —');
  });

  it('offers both ways to apply the change, the chosen one checked', () => {
    const html = render({ status: 'ready', value: { truncated: false, changes: [] } });
    expect(textOf(html)).toMatch(/^No open ticket’s SLA changes\. Apply the change to Recompute open tickets/);
    expect(html).toMatch(/<input[^>]*value="recompute_open"[^>]*checked=""|<input[^>]*checked=""[^>]*value="recompute_open"/);
  });

  it('uses Polish plural forms', () => {
    expect(textOf(render(impact, 'pl'))).toContain('3 zmiany w otwartych zgłoszeniach:');
  });
});
