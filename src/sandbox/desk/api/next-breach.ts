import { ticketSla, type SlaFields } from './desk-directory';
import type { TicketJson } from './zendesk-json';

const OPEN_STATUSES = new Set(['new', 'open', 'pending', 'hold']);

/**
 * Where "to next breach" moves the clock: the earliest `sla_next_due_at` among unsolved tickets that is still
 * ahead of `nowMs` (a due time already passed is a breach that has happened; the clock cannot go back to it).
 * Null when no unsolved ticket has a due time ahead, e.g. before the server has written any.
 */
export function nextBreachAt(tickets: readonly TicketJson[], sla: SlaFields, nowMs: number): number | null {
  let earliest: number | null = null;
  for (const ticket of tickets) {
    if (!OPEN_STATUSES.has(ticket.status)) continue;
    const due = ticketSla(ticket, sla).nextDueAt;
    const at = due === null ? NaN : Date.parse(due);
    if (Number.isFinite(at) && at > nowMs && (earliest === null || at < earliest)) earliest = at;
  }
  return earliest;
}
