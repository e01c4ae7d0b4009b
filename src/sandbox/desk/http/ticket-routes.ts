import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ticketSla } from '../api/desk-directory';
import { ZendeskApiError } from '../api/zendesk-api';
import type { AuditJson, TicketJson } from '../api/zendesk-json';
import type { SubmitOutcome, TicketRefresh, TicketSubmission, TicketView } from '../browser/submit-ticket';
import { hostConfig, hostTicket } from '../host/host-config';
import { conversation } from '../pages/conversation';
import { html } from '../pages/html';
import { layout } from '../pages/layout';
import { dueTime, slaBadge } from '../pages/sla-badge';
import { ticketBody } from '../pages/ticket-page';
import { ticketListBody } from '../pages/ticket-list-page';
import { ticketVersion } from '../pages/ticket-version';
import type { DeskContext } from './desk-context';

export const originOf = (request: FastifyRequest) => `${request.protocol}://${request.headers.host ?? request.hostname}`;

export function registerTicketRoutes(app: FastifyInstance, desk: DeskContext): void {
  app.get('/tickets', async (request, reply) => {
    const [tickets, directory, agent] = await Promise.all([desk.tickets(), desk.directory(), desk.agent()]);
    const clock = await desk.clock(tickets, directory);
    const body = ticketListBody(tickets, directory, Date.parse(clock.now));
    reply.type('text/html; charset=utf-8');
    return layout({ title: 'Tickets', section: 'tickets', agentName: agent.name, clock, path: request.url, body });
  });

  app.get<{ Params: { id: string } }>('/tickets/:id', async (request, reply) => {
    const id = Number(request.params.id);
    const [{ ticket }, { audits }, directory, agent, clock] = await Promise.all([
      desk.api.get<{ ticket: TicketJson }>(`/tickets/${id}`),
      desk.api.get<{ audits: AuditJson[] }>(`/tickets/${id}/audits`),
      desk.directory(),
      desk.agent(),
      desk.clock(),
    ]);
    const nowMs = Date.parse(clock.now);
    const host = desk.app && hostConfig({ app: desk.app, origin: originOf(request), subdomain: desk.subdomain, location: 'ticket_sidebar', agent, directory, ticket, nowMs });
    const body = ticketBody({ ticket, audits, directory, host, nowMs });
    reply.type('text/html; charset=utf-8');
    return layout({ title: `#${ticket.id} ${ticket.subject}`, section: 'tickets', agentName: agent.name, clock, path: request.url, body });
  });

  // The ticket page polls this to learn of changes by others: unchanged since `since` (its version) answers only that.
  app.get<{ Params: { id: string }; Querystring: { since?: string } }>('/tickets/:id/view', async (request): Promise<TicketRefresh> => {
    const { ticket } = await desk.api.get<{ ticket: TicketJson }>(`/tickets/${Number(request.params.id)}`);
    if (ticketVersion(ticket) === request.query.since) return { changed: false };
    return { changed: true, ...(await ticketView(desk, ticket)) };
  });

  app.post<{ Params: { id: string }; Body: TicketSubmission }>('/tickets/:id/submit', async (request): Promise<SubmitOutcome> => {
    const id = Number(request.params.id);
    try {
      return await submit(desk, id, request.body);
    } catch (error) {
      if (error instanceof ZendeskApiError) return { ok: false, message: explain(error) };
      throw error;
    }
  });
}

async function submit(desk: DeskContext, id: number, submission: TicketSubmission): Promise<SubmitOutcome> {
  const { ticket: current } = await desk.api.get<{ ticket: TicketJson }>(`/tickets/${id}`);
  const comment = submission.comment && {
    body: submission.comment.body,
    public: submission.comment.mode !== 'internal',
    // A reply "as the requester" is how API clients post a customer's message (author_id), as the seed does.
    ...(submission.comment.mode === 'requester' ? { author_id: current.requester_id } : {}),
  };
  const { ticket } = await desk.api.put<{ ticket: TicketJson }>(`/tickets/${id}`, {
    ticket: { ...submission.changes, ...(comment ? { comment } : {}), safe_update: true, updated_stamp: submission.updatedStamp },
  });
  return { ok: true, ...(await ticketView(desk, ticket)) };
}

/** What the ticket page redraws after a save, or after someone else (the SLA server's write-back) changed the ticket. */
async function ticketView(desk: DeskContext, ticket: TicketJson): Promise<TicketView> {
  const [{ audits }, directory, clock] = await Promise.all([desk.api.get<{ audits: AuditJson[] }>(`/tickets/${ticket.id}/audits`), desk.directory(), desk.clock()]);
  const sla = ticketSla(ticket, directory.sla);
  return {
    ticket: hostTicket(ticket, directory),
    version: ticketVersion(ticket),
    tags: ticket.tags.join(' '),
    conversationHtml: conversation(audits, directory).text,
    slaStatusHtml: sla.status === null ? html`<span class="muted">not assessed</span>`.text : slaBadge(sla.status, sla.statusName).text,
    slaDueHtml: sla.nextDueAt === null ? html`<span class="muted">-</span>`.text : dueTime(sla.nextDueAt, Date.parse(clock.now)).text,
  };
}

/** Zendesk's refusal in words an agent can act on. */
function explain(error: ZendeskApiError): string {
  if (error.status === 409) return 'Someone changed this ticket since you opened it (the SLA server may have written to it). Reload to see the changes, then submit again.';
  if (error.status === 429) return 'Zendesk is rate-limiting this account. Try again in a minute.';
  const details = (error.body as { details?: Record<string, { description?: string }[]> } | null)?.details;
  const descriptions = details ? Object.values(details).flat().map((d) => d.description).filter(Boolean) : [];
  return descriptions.length > 0 ? descriptions.join(' ') : `Zendesk answered ${error.status}.`;
}
