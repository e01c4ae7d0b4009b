import { DateTime } from 'luxon';

export const REPORT_PERIODS = ['this_month', 'last_month', 'last_7_days', 'last_30_days'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/**
 * A preset period as [from, to) ISO instants with offsets, in the admin's zone, as of `now`. "This month" runs
 * from the 1st at midnight to the 1st of next month; "last 7 days" from midnight 7 days ago to tonight's midnight.
 */
export function periodRange(period: ReportPeriod, now: number, zone: string): { from: string; to: string } {
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  const month = today.startOf('month');
  const [from, to] =
    period === 'this_month'
      ? [month, month.plus({ months: 1 })]
      : period === 'last_month'
        ? [month.minus({ months: 1 }), month]
        : [today.minus({ days: period === 'last_7_days' ? 6 : 29 }), today.plus({ days: 1 })];
  return { from: from.toISO() ?? '', to: to.toISO() ?? '' };
}

/** The query string of a report call: every value encoded, empty ones left out. */
export function reportQuery(params: Readonly<Record<string, string | undefined>>): string {
  return Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
}
