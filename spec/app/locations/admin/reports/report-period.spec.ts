import { periodRange, reportQuery } from '../../../../../src/app/locations/admin/reports/report-period';

const NOW = Date.parse('2026-03-30T10:00:00Z'); // a Monday, the day after Warsaw's spring-forward

describe('periodRange', () => {
  it.each([
    ['this_month', '2026-03-01T00:00:00.000+01:00', '2026-04-01T00:00:00.000+02:00'],
    ['last_month', '2026-02-01T00:00:00.000+01:00', '2026-03-01T00:00:00.000+01:00'],
    ['last_7_days', '2026-03-24T00:00:00.000+01:00', '2026-03-31T00:00:00.000+02:00'],
    ['last_30_days', '2026-03-01T00:00:00.000+01:00', '2026-03-31T00:00:00.000+02:00'],
  ] as const)('%s in Europe/Warsaw runs from local midnight to local midnight', (period, from, to) => {
    expect(periodRange(period, NOW, 'Europe/Warsaw')).toEqual({ from, to });
  });

  it('reads the day in the admin zone, not UTC', () => {
    // 2026-03-01T03:00Z is still February 28 in New York
    expect(periodRange('this_month', Date.parse('2026-03-01T03:00:00Z'), 'America/New_York').from).toBe('2026-02-01T00:00:00.000-05:00');
  });
});

describe('reportQuery', () => {
  it('encodes every value and leaves out empty ones', () => {
    expect(reportQuery({ from: '2026-03-01T00:00:00.000+01:00', groupBy: '', organization: 'a&b' })).toBe('from=2026-03-01T00%3A00%3A00.000%2B01%3A00&organization=a%26b');
  });
});
