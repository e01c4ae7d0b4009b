import { ticketSla, type DeskDirectory } from '../api/desk-directory';
import type { TicketJson } from '../api/zendesk-json';
import { formatInstant, PRIORITY_LABELS, STATUS_LABELS } from './format';
import { html, type Html } from './html';
import { dueTime, slaBadge } from './sla-badge';

/** All tickets, most recently updated first, with the SLA status and next due time the server wrote. */
export function ticketListBody(tickets: readonly TicketJson[], directory: DeskDirectory, nowMs: number): Html {
  const name = (id: number | null, map: ReadonlyMap<number, { name: string }>) => (id === null ? '' : (map.get(id)?.name ?? `#${id}`));
  const sorted = [...tickets].sort((a, b) => b.updated_at.localeCompare(a.updated_at) || b.id - a.id);
  const rows = sorted.map((ticket) => {
    const sla = ticketSla(ticket, directory.sla);
    return html`<tr data-ticket-id="${ticket.id}">
      <td><span class="badge st-${ticket.status}" title="${STATUS_LABELS[ticket.status]}">${ticket.status.charAt(0).toUpperCase()}</span></td>
      <td><a href="/tickets/${ticket.id}">#${ticket.id}</a></td>
      <td class="subject"><a href="/tickets/${ticket.id}">${ticket.subject}</a></td>
      <td>${name(ticket.requester_id, directory.users)}</td>
      <td>${STATUS_LABELS[ticket.status]}</td>
      <td class="pri-${ticket.priority ?? 'none'}">${ticket.priority ? PRIORITY_LABELS[ticket.priority] : '-'}</td>
      <td>${name(ticket.group_id, directory.groups)}</td>
      <td>${name(ticket.assignee_id, directory.users) || html`<span class="muted">-</span>`}</td>
      <td>${formatInstant(ticket.updated_at)}</td>
      <td class="sla-status">${slaBadge(sla.status, sla.statusName)}</td>
      <td class="sla-due">${dueTime(sla.nextDueAt, nowMs)}</td>
    </tr>`;
  });
  return html`<main><h1>All tickets <span class="muted">(${tickets.length})</span></h1>
  <p class="hint">SLA status and next due time are custom fields the SLA server writes; they stay empty until it has assessed a ticket.</p>
  <table class="list"><thead><tr><th></th><th>ID</th><th>Subject</th><th>Requester</th><th>Status</th><th>Priority</th><th>Group</th><th>Assignee</th><th>Updated</th><th>SLA status</th><th>Next SLA due</th></tr></thead>
  <tbody>${rows}</tbody></table></main>`;
}
