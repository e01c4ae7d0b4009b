import { createHash } from 'node:crypto';
import type { TicketJson } from '../api/zendesk-json';

/**
 * A fingerprint of everything the Tickets API shows of a ticket. `updated_at` alone cannot tell two changes in the
 * same second apart (the agent's reply and the SLA server's write-back often are), so the page watches this.
 */
export function ticketVersion(ticket: TicketJson): string {
  return createHash('sha256').update(JSON.stringify(ticket)).digest('hex').slice(0, 20);
}
