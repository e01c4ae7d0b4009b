/**
 * When Zendesk tries a webhook again (PLATFORM.md §5.2, from Zendesk's webhooks introduction):
 * - 409: up to 3 retries;
 * - 429 or 503: only when the response has a Retry-After under 60 seconds, after that many seconds;
 * - a timeout (12 s, not adjustable): up to 5 retries;
 * - anything else, including 500, 502 and 504: no retry. Zendesk's delivery is best effort; our server's
 *   reconciliation sweep is what heals a lost delivery.
 * Zendesk does not publish the backoff for 409 and timeouts; the emulator waits 10 s, 20 s, 40 s... (emulator clock).
 */
export type AttemptOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly retryAfterSeconds: number | undefined }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'network_error' };

/** Milliseconds to wait before the next attempt, or undefined for no further attempt. `attempt` counts from 1. */
export function retryDelayMs(outcome: AttemptOutcome, attempt: number): number | undefined {
  const backoff = 10_000 * 2 ** (attempt - 1);
  if (outcome.kind === 'timeout') return attempt <= 5 ? backoff : undefined;
  if (outcome.kind === 'network_error') return undefined;
  const { status, retryAfterSeconds } = outcome;
  if (status === 409) return attempt <= 3 ? backoff : undefined;
  if ((status === 429 || status === 503) && retryAfterSeconds !== undefined && retryAfterSeconds < 60) {
    return attempt <= 5 ? retryAfterSeconds * 1000 : undefined;
  }
  return undefined;
}

export function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim());
}
