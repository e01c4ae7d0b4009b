/** First retry after 1 s, doubling per attempt, never more than 5 minutes apart. */
const BASE_MS = 1_000;
const MAX_MS = 5 * 60_000;

/**
 * How long to wait before attempt `attempts + 1`, in milliseconds: 1 s, 2 s, 4 s, … capped at 5 min.
 * Deterministic (no jitter) so tests can state instants; inbox claims are spread by ticket anyway.
 */
export function retryBackoffMs(attempts: number): number {
  if (attempts <= 0) return 0;
  return Math.min(MAX_MS, BASE_MS * 2 ** Math.min(attempts - 1, 20));
}
