/**
 * Seconds to wait before retry number `attempt` (1 = the first retry) of a failed call to our server: 5, 10, 20,
 * 40, then every 60. Doubling spares a server that is down; the cap keeps a sidebar left open from giving up.
 */
export function retryDelaySeconds(attempt: number): number {
  return Math.min(5 * 2 ** Math.max(0, attempt - 1), 60);
}
