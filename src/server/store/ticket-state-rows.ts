import { millisOf, optionalMillisOf, type TicketStateRow } from './database';
import type { TicketSlaAssessment } from '../../core/clock/ticket-sla-assessment';
import type { TicketState, WritebackDesired } from './sla-store';

export function ticketStateRowToState(row: TicketStateRow): TicketState {
  return {
    accountId: row.account_id,
    ticketId: row.ticket_id,
    // Written only by saveTicketState from the core's own output: trusted JSON, not input.
    assessment: row.assessment === null ? null : (JSON.parse(row.assessment) as TicketSlaAssessment),
    shown: row.shown === null ? null : (JSON.parse(row.shown) as WritebackDesired),
    policyId: row.policy_id,
    nextCheckAt: optionalMillisOf(row.next_check_at),
    zendeskUpdatedAt: optionalMillisOf(row.zendesk_updated_at),
    version: row.version,
    updatedAt: millisOf(row.updated_at),
  };
}
