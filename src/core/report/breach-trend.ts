import { DateTime } from 'luxon';
import type { EpochMillis } from '../time/instant';

export type TrendBucket = 'day' | 'week';

export interface TrendPoint {
  /** The bucket's first local date in the viewer's zone (`yyyy-MM-dd`; weeks start on Monday). */
  readonly date: string;
  readonly start: EpochMillis;
  readonly end: EpochMillis;
  readonly breaches: number;
}

/**
 * Breaches counted per local day or week of `zone`, for every bucket that overlaps [from, to), empty ones
 * included so a chart's axis has no holes. Buckets follow the zone's calendar: a DST day is 23 or 25 hours long.
 * Breaches outside [from, to) are ignored; the first and last buckets may be partial.
 */
export function breachTrend(input: {
  readonly breachedAt: Iterable<EpochMillis>;
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  readonly zone: string;
  readonly bucket: TrendBucket;
}): TrendPoint[] {
  const { from, to, zone, bucket } = input;
  const first = DateTime.fromMillis(from, { zone });
  if (!first.isValid) throw new RangeError(`Unknown time zone "${zone}"`);
  const points: { date: string; start: number; end: number; breaches: number }[] = [];
  for (let start = first.startOf(bucket); start.toMillis() < to; ) {
    const next = start.plus({ [bucket]: 1 });
    points.push({ date: start.toISODate() ?? '', start: start.toMillis(), end: next.toMillis(), breaches: 0 });
    start = next;
  }
  for (const at of input.breachedAt) {
    if (at < from || at >= to) continue;
    const point = points[indexOf(points, at)];
    if (point) point.breaches++;
  }
  return points;
}

/** Binary search for the bucket holding `at` (buckets are sorted and contiguous). */
function indexOf(points: readonly { start: number; end: number }[], at: number): number {
  let low = 0;
  let high = points.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const point = points[mid]!;
    if (at < point.start) high = mid - 1;
    else if (at >= point.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
