import { DateTime } from 'luxon';

/**
 * How a Zendesk call can fail, as the workers must tell the cases apart: each says what to do next.
 * - `rate_limited`: 429; wait `retryAfterMs` (Zendesk's Retry-After) before any call for this account.
 * - `conflict`: 409 on a `safe_update`: the ticket changed since `updated_stamp`; re-read and try again.
 * - `unavailable`: 5xx, a timeout or no connection; back off and retry.
 * - `not_found`: 404; the resource is gone (deleted ticket, removed field).
 * - `rejected`: any other 4xx; retrying the same request will fail the same way.
 */
export type ZendeskFailureKind = 'rate_limited' | 'conflict' | 'unavailable' | 'not_found' | 'rejected';

export class ZendeskError extends Error {
  constructor(
    readonly kind: ZendeskFailureKind,
    readonly status: number | null,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'ZendeskError';
  }
}

export const isZendeskError = (error: unknown, kind?: ZendeskFailureKind): error is ZendeskError =>
  error instanceof ZendeskError && (kind === undefined || error.kind === kind);

/** Retry-After is seconds (Zendesk) or an HTTP date; a missing or odd value means "a minute", Zendesk's window. */
export function retryAfterMs(header: string | null, now: number): number {
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds * 1000);
    const at = DateTime.fromHTTP(header, { zone: 'utc' });
    if (at.isValid) return Math.max(0, at.toMillis() - now);
  }
  return 60_000;
}
