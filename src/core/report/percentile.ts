/**
 * Percentiles by the nearest-rank method (PostgreSQL's `percentile_disc`): the p-th percentile of n sorted values
 * is the value at 1-based rank ceil(p × n), p in (0, 1]. It is always one of the observed values, needs no
 * interpolation, and SQL can compute the same thing on any engine with ORDER BY … OFFSET rank − 1.
 *
 * Worked example: for [1, 2, 3, 4] the median (p = 0.5) has rank ceil(2) = 2, so it is 2 (the lower middle, not
 * 2.5); the 90th percentile has rank ceil(3.6) = 4, so it is 4. For one value, every percentile is that value.
 */
export function percentileRank(p: number, count: number): number {
  if (!(p > 0 && p <= 1)) throw new RangeError(`A percentile is in (0, 1], got ${p}`);
  // 0.9 × 10 is 9.000000000000002 in floating point: round off the noise before ceil, or rank 10 would be chosen.
  return Math.max(1, Math.ceil(Math.round(p * count * 1e9) / 1e9));
}

/** The nearest-rank percentile of values sorted ascending; null when there are none. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[percentileRank(p, sorted.length) - 1] ?? null;
}

/** Sorts a copy (numbers, ascending) and takes the nearest-rank percentile. */
export function percentile(values: readonly number[], p: number): number | null {
  return percentileOfSorted([...values].sort((a, b) => a - b), p);
}
