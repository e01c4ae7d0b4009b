import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import { matcherFor } from './condition-matcher';
import type { TicketFilter } from './ticket-filter';

/**
 * How many conditions of the filter held, or -1 when the filter does not match: every `all` condition must hold
 * and, when there are `any` conditions, at least one of them. The count is the policy's specificity.
 */
export function matchedConditionCount(filter: TicketFilter, ticket: TicketSnapshot): number {
  for (const condition of filter.all) if (!matcherFor(condition)(ticket)) return -1;
  if (filter.any.length === 0) return filter.all.length;
  let held = 0;
  for (const condition of filter.any) if (matcherFor(condition)(ticket)) held++;
  return held === 0 ? -1 : filter.all.length + held;
}

/** Whether the ticket matches the filter (Zendesk's all + any). */
export function ticketMatchesFilter(filter: TicketFilter, ticket: TicketSnapshot): boolean {
  return matchedConditionCount(filter, ticket) >= 0;
}
