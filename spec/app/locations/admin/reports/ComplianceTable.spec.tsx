import BreachTrendChart from '../../../../../src/app/locations/admin/reports/BreachTrendChart';
import ComplianceTable from '../../../../../src/app/locations/admin/reports/ComplianceTable';
import { reportFormat } from '../../../../../src/app/locations/admin/reports/report-format';
import type { ComplianceRowView } from '../../../../../src/app/locations/admin/reports/reports-api';
import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { renderMarkup, textOf, tIn } from '../render-markup';

const row = (key: Record<string, string | null>, overrides: Partial<ComplianceRowView> = {}): ComplianceRowView => ({
  key,
  tickets: 10,
  instances: 12,
  met: 8,
  metLate: 1,
  breached: 1,
  running: 2,
  metPercent: 80,
  medianBusinessMinutes: 42,
  p90BusinessMinutes: 95.5,
  ...overrides,
});

describe('ComplianceTable', () => {
  it('shows each group with its counts, share met on time and percentiles', () => {
    const text = textOf(renderMarkup(<ComplianceTable rows={[row({ group: 'Support' }), row({ group: null }, { metPercent: null, medianBusinessMinutes: null })]} groupBy="group" format={reportFormat('en', 'UTC')} t={tIn('en')} />));
    expect(text).toContain('Group Tickets Met on time Met Met late Breached Running Median (business min) 90th percentile (business min)');
    expect(text).toContain('Support 10 80% 8 1 1 2 42 96');
    expect(text).toContain('(none) 10 – 8 1 1 2 – 96');
  });

  it('names grouped values as the admin knows them when told how', () => {
    const labelOf = (dimension: string, value: string) => (dimension === 'metric' ? tIn('en')(`metric.${value}`) : value);
    const text = textOf(renderMarkup(<ComplianceTable rows={[row({ metric: 'first_reply_time' })]} groupBy="metric" format={reportFormat('en', 'UTC')} t={tIn('en')} labelOf={labelOf} />));
    expect(text).toContain('First reply time 10 80%');
  });

  it('writes counts, shares and minutes in the viewer’s locale', () => {
    const rows = [row({ group: 'Soporte' }, { tickets: 12_345, metPercent: 97.5, medianBusinessMinutes: 4.25, p90BusinessMinutes: 1234.4 })];
    const text = textOf(renderMarkup(<ComplianceTable rows={rows} groupBy="group" format={reportFormat('es', 'UTC')} t={tIn('es')} />));
    expect(text).toContain('Soporte 12.345 97,5 % 8 1 1 2 4,3 1234');
  });

  it('says so when the period has no measurements', () => {
    expect(textOf(renderMarkup(<ComplianceTable rows={[]} groupBy={null} format={reportFormat('en', 'UTC')} t={tIn('en')} />))).toBe('No SLA measurements in this period.');
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('renders in %s with every key translated', (locale) => {
    expect(() => renderMarkup(<ComplianceTable rows={[row({ channel: 'email' })]} groupBy="channel" format={reportFormat(locale, 'UTC')} t={tIn(locale)} />)).not.toThrow();
    expect(() => renderMarkup(<BreachTrendChart points={[{ date: '2026-03-01', breaches: 2 }]} t={tIn(locale)} />)).not.toThrow();
  });
});

describe('BreachTrendChart', () => {
  it('draws one labelled bar per day, the tallest at full height', () => {
    const html = renderMarkup(<BreachTrendChart points={[{ date: '2026-03-01', breaches: 2 }, { date: '2026-03-02', breaches: 4 }]} t={tIn('en')} />);
    expect(html).toContain('aria-label="2026-03-01: 2 breaches"');
    expect(html).toMatch(/aria-label="2026-03-02: 4 breaches"[^>]*height:80px/);
  });
});
