import { millisOf, optionalMillisOf, type TicketStateRow } from './database';
import type { TicketState } from './sla-store';

export function ticketStateRowToState(row: TicketStateRow): TicketState {
  return {
    accountId: row.account_id,
    ticketId: row.ticket_id,
    assessment: row.assessment === null ? null : (JSON.parse(row.assessment) as unknown),
    policyId: row.policy_id,
    nextCheckAt: optionalMillisOf(row.next_check_at),
    zendeskUpdatedAt: optionalMillisOf(row.zendesk_updated_at),
    version: row.version,
    updatedAt: millisOf(row.updated_at),
  };
}
