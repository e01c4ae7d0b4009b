import type { TicketEvent } from '../../core/ticket/ticket-event';
import type { TicketEventRow, TicketEventsTable } from './database';
import type { SourcedTicketEvent, StoredTicketEvent } from './sla-store';
import type { Insertable } from 'kysely';

export function ticketEventRowToEvent(row: TicketEventRow): StoredTicketEvent {
  return { seq: row.seq, sourceId: row.source_id, event: JSON.parse(row.payload) as TicketEvent };
}

export function ticketEventToRow(
  key: { accountId: string; ticketId: string },
  seq: number,
  { sourceId, event }: SourcedTicketEvent,
): Insertable<TicketEventsTable> {
  return {
    account_id: key.accountId,
    ticket_id: key.ticketId,
    seq,
    at: event.at,
    type: event.type,
    payload: JSON.stringify(event),
    source_id: sourceId,
  };
}
