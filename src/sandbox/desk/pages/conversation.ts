import type { DeskDirectory } from '../api/desk-directory';
import type { AuditEventJson, AuditJson } from '../api/zendesk-json';
import { formatInstant } from './format';
import { html, type Html } from './html';

/**
 * A ticket's audits as the agent reads them, oldest first: comments as cards (internal notes yellow and labelled,
 * as Zendesk shows them), and one grey line per audit for what else changed or was sent.
 */
export function conversation(audits: readonly AuditJson[], directory: DeskDirectory): Html {
  return html`${audits.map((audit) => auditView(audit, directory))}`;
}

function auditView(audit: AuditJson, directory: DeskDirectory): Html {
  const author = userName(audit.author_id, directory);
  const comments = audit.events.filter((e): e is Extract<AuditEventJson, { type: 'Comment' }> => e.type === 'Comment');
  const changes = audit.events.filter((e): e is Extract<AuditEventJson, { type: 'Change' }> => e.type === 'Change');
  const mails = audit.events.filter((e): e is Extract<AuditEventJson, { type: 'Notification' }> => e.type === 'Notification');
  const when = formatInstant(audit.created_at);
  return html`${comments.map(
    (comment) => html`<div class="event comment ${comment.public ? 'public' : 'internal'}" data-comment-id="${comment.id}">
      <div class="meta"><b>${userName(comment.author_id, directory)}</b> · ${when}${comment.public ? '' : html` · <span class="tag-internal">Internal note</span>`}</div>
      <div class="body">${comment.body}</div></div>`,
  )}${changes.length > 0 ? html`<div class="event system">${author} · ${when} · ${changes.map((c, i) => html`${i > 0 ? ', ' : ''}${describeChange(c, directory)}`)}</div>` : ''}${mails.map(
    (mail) => html`<div class="event system">✉ ${when} · email “${mail.subject}” sent to ${mail.recipients.map((id) => userName(id, directory)).join(', ')}</div>`,
  )}`;
}

function describeChange(change: { field_name: string; value: unknown; previous_value?: unknown }, directory: DeskDirectory): string {
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === '') return '–';
    if (Array.isArray(value)) return value.join(' ') || '–';
    if (change.field_name === 'assignee_id' || change.field_name === 'requester_id') return userName(Number(value), directory);
    if (change.field_name === 'group_id') return directory.groups.get(Number(value))?.name ?? String(value);
    return String(value);
  };
  const field = /^\d+$/.test(change.field_name) ? `field ${change.field_name}` : change.field_name.replace(/_id$/, '');
  return `${field}: ${show(change.previous_value)} → ${show(change.value)}`;
}

function userName(id: number, directory: DeskDirectory): string {
  if (id === -1) return 'Zendesk';
  return directory.users.get(id)?.name ?? `User #${id}`;
}
