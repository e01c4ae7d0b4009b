import { tooManyRequests } from '../state/api-error';

/**
 * Zendesk's limits, counted on the emulator clock:
 * - account: requests per minute for the whole account. Default 400, Zendesk's Professional plan (Team is 200,
 *   Enterprise 700); tests set their own. Fixed one-minute windows, which is what `ratelimit-reset` describes.
 * - ticket updates: 30 per ticket per user per 10 minutes (rolling), and 100 per minute per account.
 * - incremental exports: 10 per minute.
 * Refused requests do not count against the limit.
 */
export interface RateLimitSettings {
  readonly accountPerMinute: number;
  readonly ticketUpdatesPerTicketPerUser: number;
  readonly ticketUpdatesPerTicketWindowMs: number;
  readonly ticketUpdatesPerMinute: number;
  readonly incrementalExportsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  accountPerMinute: 400,
  ticketUpdatesPerTicketPerUser: 30,
  ticketUpdatesPerTicketWindowMs: 10 * 60_000,
  ticketUpdatesPerMinute: 100,
  incrementalExportsPerMinute: 10,
};

export interface RateLimitHeaders {
  readonly limit: number;
  readonly remaining: number;
  /** Seconds until the current window resets. */
  readonly resetSeconds: number;
}

const MINUTE_MS = 60_000;

export interface RateLimiter {
  settings: RateLimitSettings;
  /** Counts one account request; throws 429 when the minute's budget is spent. */
  takeAccountRequest(nowMs: number): RateLimitHeaders;
  /** Counts one Update Ticket call for (user, ticket); throws 429 when either ticket-update limit is spent. */
  takeTicketUpdate(nowMs: number, userId: number, ticketId: number): void;
  takeIncrementalExport(nowMs: number): void;
  reset(): void;
}

export function createRateLimiter(settings: RateLimitSettings = DEFAULT_RATE_LIMITS): RateLimiter {
  const minuteCounts = new Map<string, { window: number; count: number }>();
  const perTicket = new Map<string, number[]>();

  /** Fixed-window counter: the window is the emulator-clock minute. */
  const takeFromMinute = (key: string, limit: number, nowMs: number, what: string): RateLimitHeaders => {
    const window = Math.floor(nowMs / MINUTE_MS);
    const entry = minuteCounts.get(key);
    const count = entry?.window === window ? entry.count : 0;
    const resetSeconds = Math.max(1, Math.ceil(((window + 1) * MINUTE_MS - nowMs) / 1000));
    if (count >= limit) throw tooManyRequests(resetSeconds, what, rateLimitHeaders({ limit, remaining: 0, resetSeconds }));
    minuteCounts.set(key, { window, count: count + 1 });
    return { limit, remaining: limit - count - 1, resetSeconds };
  };

  const limiter: RateLimiter = {
    settings,
    takeAccountRequest: (nowMs) =>
      takeFromMinute('account', limiter.settings.accountPerMinute, nowMs, 'Number of allowed API requests per minute exceeded'),
    takeTicketUpdate: (nowMs, userId, ticketId) => {
      const { ticketUpdatesPerTicketPerUser: limit, ticketUpdatesPerTicketWindowMs: windowMs } = limiter.settings;
      const key = `${userId}:${ticketId}`;
      const recent = (perTicket.get(key) ?? []).filter((at) => at > nowMs - windowMs);
      const oldest = recent[0];
      if (recent.length >= limit && oldest !== undefined) {
        throw tooManyRequests(
          Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)),
          `Number of allowed updates to ticket ${ticketId} by this user in 10 minutes exceeded`,
        );
      }
      takeFromMinute('ticket-updates', limiter.settings.ticketUpdatesPerMinute, nowMs, 'Number of allowed ticket updates per minute exceeded');
      perTicket.set(key, [...recent, nowMs]);
    },
    takeIncrementalExport: (nowMs) => {
      takeFromMinute('incremental', limiter.settings.incrementalExportsPerMinute, nowMs, 'Number of allowed incremental export requests per minute exceeded');
    },
    reset: () => {
      minuteCounts.clear();
      perTicket.clear();
    },
  };
  return limiter;
}

/** The headers Zendesk puts on API answers to report a limit, 429s included. */
export function rateLimitHeaders({ limit, remaining, resetSeconds }: RateLimitHeaders): Record<string, string> {
  return {
    'x-rate-limit': String(limit),
    'x-rate-limit-remaining': String(remaining),
    'ratelimit-limit': String(limit),
    'ratelimit-remaining': String(remaining),
    'ratelimit-reset': String(resetSeconds),
  };
}
