import type { TicketEvent } from '../ticket/ticket-event';

export type CreatedEvent = Extract<TicketEvent, { type: 'created' }>;

/**
 * The history in the order the clocks replay it: sorted stably by `at` (events of one audit share an instant and
 * keep their order), `created` first. Events dated before `created` (clock skew between systems) are read as
 * happening at creation. Already-sorted histories, the usual case, are not copied.
 *
 * Throws when the history has no `created` event or more than one: that is a bug in whoever built the history, not
 * data to be tolerated.
 */
export function orderHistory(history: readonly TicketEvent[]): readonly TicketEvent[] {
  const sorted = isSortedByAt(history) ? history : [...history].sort((a, b) => a.at - b.at);
  const createdIndex = indexOfOnlyCreated(sorted);
  if (createdIndex === 0) return sorted;
  const created = sorted[createdIndex] as CreatedEvent;
  const before = sorted.slice(0, createdIndex).map((event) => ({ ...event, at: created.at }));
  return [created, ...before, ...sorted.slice(createdIndex + 1)];
}

function isSortedByAt(history: readonly TicketEvent[]): boolean {
  for (let i = 1; i < history.length; i++) {
    if ((history[i] as TicketEvent).at < (history[i - 1] as TicketEvent).at) return false;
  }
  return true;
}

function indexOfOnlyCreated(history: readonly TicketEvent[]): number {
  let found = -1;
  for (let i = 0; i < history.length; i++) {
    if ((history[i] as TicketEvent).type !== 'created') continue;
    if (found !== -1) throw new Error('Ticket history has more than one `created` event; a history describes one ticket');
    found = i;
  }
  if (found === -1) throw new Error('Ticket history has no `created` event; every history must start with one');
  return found;
}
