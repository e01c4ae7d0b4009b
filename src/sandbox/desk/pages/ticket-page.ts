import { ticketSla, type DeskDirectory } from '../api/desk-directory';
import { TICKET_PRIORITIES, TICKET_STATUSES, type AuditJson, type TicketJson } from '../api/zendesk-json';
import type { HostPageConfig } from '../zaf-host/host-page-entry';
import { conversation } from './conversation';
import { PRIORITY_LABELS, STATUS_LABELS } from './format';
import { html, jsonScript, type Html } from './html';
import { dueTime, slaBadge } from './sla-badge';
import { ticketVersion } from './ticket-version';

export interface TicketPageInput {
  readonly ticket: TicketJson;
  readonly audits: readonly AuditJson[];
  readonly directory: DeskDirectory;
  /** Null when the app is not installed: the sidebar then says so. */
  readonly host: HostPageConfig | null;
  readonly nowMs: number;
}

const TYPES = ['question', 'incident', 'problem', 'task'];

/**
 * One ticket as an agent works it: properties on the left (each change is told to the app before saving, as
 * Zendesk does), the conversation and the composer in the middle, the app's sidebar iframe on the right.
 */
export function ticketBody({ ticket, audits, directory, host, nowMs }: TicketPageInput): Html {
  const sla = ticketSla(ticket, directory.sla);
  const requester = directory.users.get(ticket.requester_id);
  const organization = ticket.organization_id === null ? undefined : directory.organizations.get(ticket.organization_id);
  const agents = [...directory.users.values()].filter((u) => u.role !== 'end-user');
  const option = (value: string | number, label: string, selected: boolean) => html`<option value="${value}" ${selected ? html`selected` : ''}>${label}</option>`;
  return html`<div class="ticket" data-ticket-id="${ticket.id}">
<aside class="props"><form id="ticket-props" data-updated-at="${ticket.updated_at}" data-version="${ticketVersion(ticket)}">
  <label>Requester</label><div class="readonly">${requester?.name ?? `User #${ticket.requester_id}`}${organization ? html` <span class="muted">· ${organization.name}</span>` : ''}</div>
  <label for="group_id">Group</label><select id="group_id" name="group_id">${option('', '-', ticket.group_id === null)}${[...directory.groups.values()].map((g) => option(g.id, g.name, g.id === ticket.group_id))}</select>
  <label for="assignee_id">Assignee</label><select id="assignee_id" name="assignee_id">${option('', '-', ticket.assignee_id === null)}${agents.map((a) => option(a.id, a.name, a.id === ticket.assignee_id))}</select>
  <label for="status">Status</label><select id="status" name="status">${TICKET_STATUSES.filter((s) => s !== 'closed' && (s !== 'new' || ticket.status === 'new')).map((s) => option(s, STATUS_LABELS[s] ?? s, s === ticket.status))}</select>
  <label for="priority">Priority</label><select id="priority" name="priority">${option('', '-', ticket.priority === null)}${TICKET_PRIORITIES.map((p) => option(p, PRIORITY_LABELS[p] ?? p, p === ticket.priority))}</select>
  <label for="type">Type</label><select id="type" name="type">${option('', '-', ticket.type === null)}${TYPES.map((t) => option(t, t.charAt(0).toUpperCase() + t.slice(1), t === ticket.type))}</select>
  <label for="tags">Tags</label><input id="tags" name="tags" value="${ticket.tags.join(' ')}" autocomplete="off">
  <label>SLA status</label><div class="readonly" id="sla-status">${slaBadge(sla.status, sla.statusName) }${sla.status === null ? html`<span class="muted">not assessed</span>` : ''}</div>
  <label>Next SLA due</label><div class="readonly" id="sla-due">${sla.nextDueAt === null ? html`<span class="muted">-</span>` : dueTime(sla.nextDueAt, nowMs)}</div>
</form></aside>
<section class="center"><h1>${ticket.subject} <span class="muted">#${ticket.id}</span></h1>
  <div class="conversation" id="conversation">${conversation(audits, directory)}</div>
  <form class="composer" id="composer">
    <textarea name="comment" placeholder="Write a reply or an internal note…" aria-label="Comment"></textarea>
    <div class="row"><select name="comment_mode" aria-label="Comment kind"><option value="public">Public reply</option><option value="internal">Internal note</option><option value="requester">Reply as requester (${requester?.name ?? 'customer'})</option></select>
    <span class="notice" id="submit-notice" role="status"></span>
    <button class="primary" type="submit" id="submit">Submit as <span id="submit-status">${STATUS_LABELS[ticket.status]}</span></button></div>
  </form>
</section>
<aside class="apps"><h2>Apps · ${host?.metadata.name ?? 'none installed'}</h2>${host ? html`<iframe id="zaf-app" title="${host.metadata.name}"></iframe>${jsonScript('zaf-host-config', host)}` : html`<p class="hint" style="padding:12px">No app is installed in this account.</p>`}</aside>
</div>`;
}
