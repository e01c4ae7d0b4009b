import { formatZendeskTime } from '../clock/zendesk-time';
import { runTriggers, type TriggerEffects } from '../triggers/run-triggers';
import type { UpdateContext } from '../triggers/trigger-conditions';
import type { FieldChange } from './apply-ticket-patch';
import { nextId, type EmulatorState } from './emulator-state';
import type { AuditEvent, AuditRecord, TicketRecord, Via } from './records';
import type { TicketPatch } from './ticket-patch';
import type { TicketWriteResult, WriteContext } from './ticket-writes';

const API_VIA: Via = { channel: 'api', source: { from: {}, to: {}, rel: null } };

/**
 * Ends a ticket write as Zendesk does: moves updated_at, runs the triggers on the changed ticket, then records one
 * audit with the comment, the requester's changes, the triggers' changes and their notifications, and mails the
 * recipients.
 */
export function saveAudit(
  ctx: WriteContext,
  ticket: TicketRecord,
  what: { created: FieldChange[]; changed: FieldChange[]; comment: TicketPatch['comment']; update: UpdateContext },
): TicketWriteResult {
  const { state, nowMs, actor } = ctx;
  // The ticket is saved before its triggers run, so their placeholders ({{ticket.updated_at_with_timestamp}})
  // show this update's time, which is what a webhook receiver compares with the ticket it then reads.
  ticket.updatedAt = nowMs;
  ticket.generatedAt = nowMs;
  const effects = runTriggers(state, ticket, what.update);
  ticket.solvedAt = ticket.status !== 'solved' ? null : (ticket.solvedAt ?? nowMs);
  const auditId = nextId(state, 'audit');
  const event = (): number => nextId(state, 'event');
  const events: AuditEvent[] = [
    ...(what.comment ? [commentEvent(event(), auditId, what.comment)] : []),
    ...what.created.map((c): AuditEvent => ({ id: event(), type: 'Create', field_name: c.field, value: c.value })),
    ...what.changed.map((c): AuditEvent => ({ id: event(), type: 'Change', field_name: c.field, value: c.value, previous_value: c.previous })),
    ...triggerEvents(effects, event),
  ];
  const audit: AuditRecord = { id: auditId, ticketId: ticket.id, authorId: actor.id, createdAt: nowMs, via: ctx.via ?? API_VIA, events };
  state.audits.get(ticket.id)?.push(audit);
  sendMail(state, ticket, effects, nowMs);
  return { ticket, audit, webhookCalls: effects.webhookCalls };
}

function triggerEvents(effects: TriggerEffects, event: () => number): AuditEvent[] {
  const via = (trigger: { id: number; title: string }): Via => ({
    channel: 'rule',
    source: { from: { id: trigger.id, title: trigger.title, deleted: false }, to: {}, rel: 'trigger' },
  });
  return [
    ...effects.changes.map(({ trigger, change }): AuditEvent => ({
      id: event(), type: 'Change', field_name: change.field, value: change.value, previous_value: change.previous, via: via(trigger),
    })),
    ...effects.notifications.map((n): AuditEvent => ({
      id: event(), type: 'Notification', via: via(n.trigger), subject: n.subject, body: n.body, recipients: n.recipients.map((u) => u.id),
    })),
  ];
}

function sendMail(state: EmulatorState, ticket: TicketRecord, effects: TriggerEffects, nowMs: number): void {
  for (const notification of effects.notifications) {
    for (const recipient of notification.recipients) {
      state.outbox.push({
        id: nextId(state, 'mail'),
        to: recipient.email,
        userId: recipient.id,
        subject: notification.subject,
        body: notification.body,
        ticketId: ticket.id,
        triggerId: notification.trigger.id,
        at: formatZendeskTime(nowMs),
      });
    }
  }
}

function commentEvent(id: number, auditId: number, comment: NonNullable<TicketPatch['comment']>): AuditEvent {
  return {
    id,
    type: 'Comment',
    author_id: comment.authorId,
    body: comment.body,
    html_body: `<div class="zd-comment"><p>${escapeHtml(comment.body)}</p></div>`,
    plain_body: comment.body,
    public: comment.public,
    attachments: [],
    audit_id: auditId,
  };
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
