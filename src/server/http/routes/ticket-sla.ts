import type { FastifyInstance } from 'fastify';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';

/**
 * GET /api/tickets/:ticketId/sla for the sidebar (contract: src/app/sla-server/ticket-sla.ts). A ticket the server
 * has not assessed yet answers `policy: null`, as does another account's ticket: the caller's account is the only
 * one ever read.
 */
export async function ticketSlaRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get<{ Params: { ticketId: string } }>('/api/tickets/:ticketId/sla', async (request) => {
    const { accountId } = appCallerOf(request);
    const { ticketId } = request.params;
    if (!/^[1-9]\d{0,19}$/.test(ticketId)) throw rejected.invalid('invalid_ticket_id', 'ticketId must be a positive integer');
    const state = await deps.store.getTicketState(accountId, ticketId);
    const policy = state?.policyId ? await deps.store.getPolicy(accountId, state.policyId) : null;
    return {
      ticketId,
      policy: policy ? { id: policy.id, title: policy.body.title } : null,
      assessment: state?.assessment ?? null,
      nextCheckAt: state?.nextCheckAt ?? null,
    };
  });
}
