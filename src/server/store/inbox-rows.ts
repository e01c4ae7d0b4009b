import { millisOf, type InboxRow } from './database';
import type { InboxDelivery } from './sla-store';

export function inboxRowToDelivery(row: InboxRow): InboxDelivery {
  return {
    id: row.id,
    accountId: row.account_id,
    invocationId: row.invocation_id,
    ticketId: row.ticket_id,
    rawBody: row.raw_body,
    receivedAt: millisOf(row.received_at),
    attempts: row.attempts,
  };
}
