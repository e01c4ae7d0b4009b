import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * How many /api/v2 calls the emulator has answered, grouped by method, route, status and caller. Zendesk has no
 * such endpoint; the emulator keeps it so that a test or a benchmark can see what a client costs from Zendesk's
 * side (writes against the update budget, reads against the account limit), refused calls included.
 */
export interface ApiRequestCount {
  readonly method: string;
  /** The route as registered (`/api/v2/tickets/:id`, `.json` or not), or the bare path when no route matched. */
  readonly route: string;
  readonly status: number;
  /** The authenticated caller; null when the call was refused before the caller was known (401, 429, a fault). */
  readonly userId: number | null;
  readonly count: number;
}

export interface ApiRequestCounter {
  record(call: Omit<ApiRequestCount, 'count'>): void;
  /** The counts so far, most frequent first. */
  counts(): ApiRequestCount[];
  reset(): void;
}

export function createApiRequestCounter(): ApiRequestCounter {
  const byKey = new Map<string, ApiRequestCount>();
  return {
    record: (call) => {
      const key = JSON.stringify([call.method, call.route, call.status, call.userId]);
      byKey.set(key, { ...call, count: (byKey.get(key)?.count ?? 0) + 1 });
    },
    counts: () => [...byKey.values()].sort((a, b) => b.count - a.count),
    reset: () => byKey.clear(),
  };
}

/** Counts every answered /api/v2 request, after its answer is sent (so a refused or failed one counts too). */
export function countApiRequests(app: FastifyInstance, counter: ApiRequestCounter, callerOf: (request: FastifyRequest) => number | null): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/v2/')) return;
    const route = request.routeOptions.url ?? request.url.split('?')[0] ?? request.url;
    counter.record({ method: request.method, route, status: reply.statusCode, userId: callerOf(request) });
  });
}
