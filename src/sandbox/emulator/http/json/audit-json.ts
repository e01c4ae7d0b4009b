import { formatZendeskTime } from '../../clock/zendesk-time';
import type { AuditEvent, AuditRecord } from '../../state/records';

const METADATA = { system: { client: 'zendesk-emulator', ip_address: '127.0.0.1', location: null, latitude: null, longitude: null }, custom: {} };

/** A ticket audit (TicketAuditObject). */
export function auditJson(audit: AuditRecord): Record<string, unknown> {
  return {
    id: audit.id,
    ticket_id: audit.ticketId,
    created_at: formatZendeskTime(audit.createdAt),
    author_id: audit.authorId,
    metadata: METADATA,
    via: audit.via,
    events: audit.events,
  };
}

/** A comment (TicketCommentObject): the Comment event of an audit, with the audit's time and via. */
export function commentJson(audit: AuditRecord, event: Extract<AuditEvent, { type: 'Comment' }>): Record<string, unknown> {
  return {
    id: event.id,
    type: 'Comment',
    author_id: event.author_id,
    body: event.body,
    html_body: event.html_body,
    plain_body: event.plain_body,
    public: event.public,
    attachments: [],
    audit_id: audit.id,
    via: audit.via,
    created_at: formatZendeskTime(audit.createdAt),
    metadata: METADATA,
  };
}
