import type { FastifyInstance, FastifyRequest } from 'fastify';
import { notFound } from '../../state/api-error';
import { isJsonObject, normalizeTags } from '../../state/input';
import { checkSafeUpdate, requireWritableTicket, updateWithPatch } from '../../state/ticket-writes';
import type { TicketPatch } from '../../state/ticket-patch';
import { idParam, writeContext, type EmulatorRuntime } from '../emulator-runtime';

/**
 * /tickets/{id}/tags: PUT adds, POST replaces (201), DELETE removes (204). Each supports safe_update +
 * updated_stamp like a ticket update, which is how a client adds a tag without overwriting someone else's.
 */
export function registerTicketTagRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  const change = (request: FastifyRequest, patchOf: (tags: string[]) => TicketPatch) => {
    const body = isJsonObject(request.body) ? request.body : {};
    const ticket = requireWritableTicket(state, idParam(request));
    checkSafeUpdate(ticket, body);
    const result = updateWithPatch(writeContext(runtime, request), ticket, patchOf(normalizeTags(body.tags)));
    runtime.webhooks.dispatch(result.webhookCalls);
    return { tags: [...result.ticket.tags] };
  };

  app.get('/api/v2/tickets/:id/tags', async (request) => {
    const ticket = state.tickets.get(idParam(request));
    if (!ticket) throw notFound();
    return { tags: [...ticket.tags] };
  });
  app.put('/api/v2/tickets/:id/tags', async (request) => change(request, (tags) => ({ additionalTags: tags })));
  app.post('/api/v2/tickets/:id/tags', async (request, reply) => {
    const body = change(request, (tags) => ({ tags }));
    reply.code(201);
    return body;
  });
  app.delete('/api/v2/tickets/:id/tags', async (request, reply) => {
    change(request, (tags) => ({ removeTags: tags }));
    reply.code(204);
    return null;
  });
}
