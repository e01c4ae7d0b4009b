import { breachTrend } from '../../../src/core/report';

const warsaw = (local: string) => Date.parse(local);

describe('breachTrend', () => {
  it('buckets by local day in the viewer zone, empty days included, a 23-hour DST day as one day', () => {
    const points = breachTrend({
      from: warsaw('2026-03-28T00:00:00+01:00'),
      to: warsaw('2026-03-31T00:00:00+02:00'),
      zone: 'Europe/Warsaw',
      bucket: 'day',
      breachedAt: [
        warsaw('2026-03-28T23:30:00+01:00'), // 22:30 UTC: still the 28th in Warsaw
        warsaw('2026-03-29T00:00:00+01:00'),
        warsaw('2026-03-29T23:59:59+02:00'),
        warsaw('2026-03-31T00:00:00+02:00'), // at `to`: outside
        warsaw('2026-03-27T23:59:59+01:00'), // before `from`: outside
      ],
    });
    expect(points.map((p) => [p.date, p.breaches, (p.end - p.start) / 3_600_000])).toEqual([
      ['2026-03-28', 1, 24],
      ['2026-03-29', 2, 23],
      ['2026-03-30', 0, 24],
    ]);
  });

  it('buckets by ISO week (Monday), with partial first and last weeks', () => {
    const points = breachTrend({
      from: Date.parse('2026-03-04T00:00:00Z'),
      to: Date.parse('2026-03-17T00:00:00Z'),
      zone: 'Etc/UTC',
      bucket: 'week',
      breachedAt: [Date.parse('2026-03-04T01:00:00Z'), Date.parse('2026-03-08T23:59:00Z'), Date.parse('2026-03-09T00:00:00Z'), Date.parse('2026-03-16T12:00:00Z')],
    });
    expect(points.map((p) => [p.date, p.breaches])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 1],
      ['2026-03-16', 1],
    ]);
  });
});
