import type { FastifyInstance } from 'fastify';
import { badRequest, notFound } from '../../state/api-error';
import { isJsonObject, parseIdList, requireWrapped, toId } from '../../state/input';
import { queueUpdateManyJob } from '../../state/job-statuses';
import type { TicketUpdateWork } from '../../state/records';
import { createTicket } from '../../state/create-ticket';
import { updateTicket, type TicketWriteResult } from '../../state/ticket-writes';
import { idParam, pathUrl, queryOf, writeContext, type EmulatorRuntime } from '../emulator-runtime';
import { auditJson } from '../json/audit-json';
import { jobStatusJson } from '../json/job-status-json';
import { ticketJson } from '../json/ticket-json';
import { paginate } from '../pagination';

export function registerTicketRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  const written = (result: TicketWriteResult): Record<string, unknown> => {
    runtime.webhooks.dispatch(result.webhookCalls);
    // A write that changed nothing makes no audit in Zendesk; the response then carries the ticket alone.
    return { ticket: ticketJson(state, result.ticket), ...(result.audit ? { audit: auditJson(result.audit) } : {}) };
  };

  app.get('/api/v2/tickets', async (request) => {
    const tickets = [...state.tickets.values()].sort((a, b) => a.id - b.id);
    const page = paginate(tickets, queryOf(request), pathUrl(runtime, request));
    return { tickets: page.items.map((ticket) => ticketJson(state, ticket)), ...page.body };
  });

  app.get('/api/v2/tickets/show_many', async (request) => {
    const ids = parseIdList(queryOf(request).ids);
    if (!ids) throw badRequest('InvalidValue', 'ids is required');
    const tickets = ids.flatMap((id) => state.tickets.get(id) ?? []);
    return { tickets: tickets.map((ticket) => ticketJson(state, ticket)) };
  });

  app.get('/api/v2/tickets/:id', async (request) => {
    const ticket = state.tickets.get(idParam(request));
    if (!ticket) throw notFound();
    return { ticket: ticketJson(state, ticket) };
  });

  app.post('/api/v2/tickets', async (request, reply) => {
    const result = createTicket(writeContext(runtime, request), requireWrapped(request.body, 'ticket'));
    reply.code(201).header('location', `${state.baseUrl}/api/v2/tickets/${result.ticket.id}.json`);
    return written(result);
  });

  app.put('/api/v2/tickets/:id', async (request) => {
    const id = idParam(request);
    if (!state.tickets.has(id)) throw notFound();
    runtime.limiter.takeTicketUpdate(runtime.clock.now(), runtime.actor(request).id, id);
    return written(updateTicket(writeContext(runtime, request), id, requireWrapped(request.body, 'ticket')));
  });

  // Deleting moves the ticket out of the API (404 from now on); the export still reports it, as "deleted".
  app.delete('/api/v2/tickets/:id', async (request, reply) => {
    const id = idParam(request);
    const ticket = state.tickets.get(id);
    if (!ticket) throw notFound();
    state.tickets.delete(id);
    state.deletedTickets.set(id, { ticket, deletedAt: runtime.clock.now() });
    reply.code(204);
    return null;
  });

  app.put('/api/v2/tickets/update_many', async (request) => {
    const work = readUpdateManyWork(queryOf(request).ids, request.body);
    const job = queueUpdateManyJob(state, work, runtime.actor(request).id, runtime.clock.now());
    runtime.jobs.queued(job);
    return { job_status: jobStatusJson(state, job) };
  });
}

/**
 * update_many takes either `?ids=1,2` with one `{ticket: {...}}` applied to all, or `{tickets: [{id, ...}]}` with
 * one change per ticket.
 */
function readUpdateManyWork(ids: string | undefined, body: unknown): TicketUpdateWork[] {
  if (ids !== undefined) {
    const list = parseIdList(ids);
    if (!list) throw badRequest('InvalidValue', 'ids must be a comma-separated list of ticket ids');
    const input = requireWrapped(body, 'ticket');
    return list.map((ticketId) => ({ ticketId, input }));
  }
  const tickets = isJsonObject(body) && Array.isArray(body.tickets) ? body.tickets : undefined;
  if (!tickets) throw badRequest('InvalidParameter', 'Parameter ids or tickets is required');
  return tickets.filter(isJsonObject).map((item) => {
    const ticketId = toId(item.id);
    if (ticketId === undefined) throw badRequest('InvalidValue', 'every ticket needs an id');
    const { id: _id, ...input } = item;
    return { ticketId, input };
  });
}
