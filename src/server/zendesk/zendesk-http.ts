import type { Clock } from '../clock';
import type { ZendeskCredentials } from '../store/sla-store';
import { retryAfterMs, ZendeskError } from './zendesk-errors';

/** Zendesk answers most calls in well under a second; a stuck connection must not hold a ticket's lease. */
const REQUEST_TIMEOUT_MS = 15_000;

export interface ZendeskHttpOptions {
  readonly baseUrl: string;
  readonly credentials: ZendeskCredentials;
  readonly clock: Clock;
  /** Shared by every client of one account in this process (see AccountBudget). */
  readonly budget: AccountBudget;
  /** Counts each call by outcome, for the metrics. */
  readonly onResponse?: (outcome: { method: string; status: number | null }) => void;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * After a 429, Zendesk wants nothing from the account until Retry-After has passed; calling anyway only extends
 * the penalty. One budget per account and process: any call before `notBefore` fails at once, without a request.
 */
export class AccountBudget {
  private notBefore = 0;
  pause(until: number): void {
    this.notBefore = Math.max(this.notBefore, until);
  }
  waitMs(now: number): number {
    return Math.max(0, this.notBefore - now);
  }
}

/** One JSON request to Zendesk's REST API, with auth, a timeout, and failures sorted into `ZendeskError` kinds. */
export async function zendeskRequest<T>(options: ZendeskHttpOptions, method: HttpMethod, path: string, body?: unknown): Promise<T> {
  const { budget, clock } = options;
  const wait = budget.waitMs(clock.now());
  if (wait > 0) throw new ZendeskError('rate_limited', 429, `Zendesk rate limit: paused for another ${wait} ms`, wait);
  let response: Response;
  try {
    response = await fetch(`${options.baseUrl}${path}`, {
      method,
      headers: {
        authorization: authorizationOf(options.credentials),
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    options.onResponse?.({ method, status: null });
    throw new ZendeskError('unavailable', null, `${method} ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  options.onResponse?.({ method, status: response.status });
  if (response.ok) {
    const text = await response.text();
    return (text === '' ? null : JSON.parse(text)) as T;
  }
  const detail = (await response.text().catch(() => '')).slice(0, 500);
  const message = `${method} ${path}: ${response.status} ${detail}`;
  if (response.status === 429) {
    const after = retryAfterMs(response.headers.get('retry-after'), clock.now());
    budget.pause(clock.now() + after);
    throw new ZendeskError('rate_limited', 429, message, after);
  }
  if (response.status === 409) throw new ZendeskError('conflict', 409, message);
  if (response.status === 404) throw new ZendeskError('not_found', 404, message);
  if (response.status >= 500) throw new ZendeskError('unavailable', response.status, message);
  throw new ZendeskError('rejected', response.status, message);
}

function authorizationOf(credentials: ZendeskCredentials): string {
  switch (credentials.kind) {
    case 'api_token':
      return `Basic ${Buffer.from(`${credentials.email}/token:${credentials.token}`).toString('base64')}`;
    case 'oauth':
      return `Bearer ${credentials.accessToken}`;
    case 'sandbox':
      throw new ZendeskError('rejected', null, 'A sandbox account without credentials cannot call Zendesk');
  }
}
