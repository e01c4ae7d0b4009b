import type { FastifyInstance } from 'fastify';
import { formatZendeskTime } from '../../clock/zendesk-time';
import { badRequest } from '../../state/api-error';
import { exportTickets } from '../../state/incremental-export';
import { requireRole } from '../authenticate';
import { queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { ticketJson } from '../json/ticket-json';

/** GET /incremental/tickets/cursor (admins only; 10 requests a minute). */
export function registerIncrementalExportRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  app.get('/api/v2/incremental/tickets/cursor', async (request) => {
    requireRole(runtime.actor(request), 'admin');
    const nowMs = runtime.clock.now();
    runtime.limiter.takeIncrementalExport(nowMs);
    const query = queryOf(request);
    const perPage = query.per_page === undefined ? 1000 : Number(query.per_page);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 1000) throw badRequest('InvalidValue', 'per_page must be 1 to 1000');
    const page = exportTickets(
      state,
      { ...(query.cursor !== undefined ? { cursor: query.cursor } : { startTime: query.start_time }), perPage },
      nowMs,
    );
    const perPageParam = query.per_page === undefined ? '' : `&per_page=${perPage}`;
    return {
      tickets: page.tickets.map(({ ticket, updatedAt, deleted }) =>
        deleted ? { ...ticketJson(state, ticket), status: 'deleted', updated_at: formatZendeskTime(updatedAt) } : ticketJson(state, ticket),
      ),
      after_url: `${state.baseUrl}/api/v2/incremental/tickets/cursor.json?cursor=${page.afterCursor}${perPageParam}`,
      after_cursor: page.afterCursor,
      before_url: null,
      before_cursor: null,
      end_of_stream: page.endOfStream,
    };
  });
}
