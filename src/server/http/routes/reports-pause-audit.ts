import type { FastifyInstance } from 'fastify';
import { pauseAudit } from '../../../core/report';
import type { TicketEvent } from '../../../core/ticket/ticket-event';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { parseCount, parseSlice, type ReportQueryString } from './reports-query';

/** Histories are read on the request path: a quarter at most. */
const MAX_SPAN_MS = 93 * 86_400_000;

/**
 * GET /api/reports/pause-audit?from&to&quickMinutes=5: per agent, the pauses (new/open → pending or on-hold) of
 * tickets with SLA records in the period, how many came within `quickMinutes` of a customer reply (and how many of
 * those without an answer), tickets paused repeatedly, and the minutes the pauses took off the clock.
 */
export async function pauseAuditRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get<{ Querystring: ReportQueryString }>('/api/reports/pause-audit', async (request) => {
    const { accountId } = appCallerOf(request);
    const slice = parseSlice(accountId, request.query);
    if (slice.to - slice.from > MAX_SPAN_MS) {
      throw rejected.invalid('invalid_query', 'The pause audit spans at most 93 days', [{ path: 'to', code: 'span_too_long', message: 'The pause audit spans at most 93 days' }]);
    }
    // "Within 0 minutes" would count only pauses at the reply's very instant: a minute to a day is what means something.
    const quickMinutes = parseCount(request.query, 'quickMinutes', 5, 1440, 1);
    const tickets = await deps.store.listSliceTickets({ accountId, from: slice.from, to: slice.to });
    const histories: { history: readonly TicketEvent[] }[] = [];
    for (let start = 0; start < tickets.length; start += 500) {
      const batch = await deps.store.listTicketHistories(accountId, tickets.slice(start, start + 500).map((t) => t.ticketId));
      for (const history of batch.values()) histories.push({ history });
    }
    const agents = pauseAudit({ tickets: histories, from: slice.from, to: slice.to, until: deps.clock.now(), quickMinutes });
    return { from: slice.from, to: slice.to, quickMinutes, tickets: histories.length, agents };
  });
}
