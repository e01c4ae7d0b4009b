import type { FastifyInstance } from 'fastify';
import { requireWrapped } from '../../state/input';
import { createTicketField, deleteTicketField, requireTicketField, updateTicketField } from '../../state/ticket-fields';
import { requireRole } from '../authenticate';
import { idParam, type EmulatorRuntime } from '../emulator-runtime';
import { ticketFieldJson } from '../json/rule-json';

/** Ticket fields: agents read them, admins change them. */
export function registerTicketFieldRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;

  app.get('/api/v2/ticket_fields', async () => {
    const fields = [...state.ticketFields.values()].sort((a, b) => a.position - b.position || a.id - b.id);
    return { ticket_fields: fields.map((field) => ticketFieldJson(state, field)), next_page: null, previous_page: null, count: fields.length };
  });

  app.get('/api/v2/ticket_fields/:id', async (request) => ({
    ticket_field: ticketFieldJson(state, requireTicketField(state, idParam(request))),
  }));

  app.post('/api/v2/ticket_fields', async (request, reply) => {
    requireRole(runtime.actor(request), 'admin');
    const field = createTicketField(state, requireWrapped(request.body, 'ticket_field'), runtime.clock.now());
    reply.code(201);
    return { ticket_field: ticketFieldJson(state, field) };
  });

  app.put('/api/v2/ticket_fields/:id', async (request) => {
    requireRole(runtime.actor(request), 'admin');
    const field = updateTicketField(state, idParam(request), requireWrapped(request.body, 'ticket_field'), runtime.clock.now());
    return { ticket_field: ticketFieldJson(state, field) };
  });

  app.delete('/api/v2/ticket_fields/:id', async (request, reply) => {
    requireRole(runtime.actor(request), 'admin');
    deleteTicketField(state, idParam(request));
    reply.code(204);
    return null;
  });
}
