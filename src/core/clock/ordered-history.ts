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
  // One pass answers both questions for the usual history (sorted, `created` first); only others pay for more.
  const { sorted, createdIndex } = surveyHistory(history);
  if (sorted && createdIndex === 0) return history;
  const ordered = sorted ? history : [...history].sort((a, b) => a.at - b.at);
  const createdAt = sorted ? createdIndex : ordered.indexOf(history[createdIndex] as CreatedEvent);
  const created = ordered[createdAt] as CreatedEvent;
  const before = ordered.slice(0, createdAt).map((event) => ({ ...event, at: created.at }));
  return [created, ...before, ...ordered.slice(createdAt + 1)];
}

/** Whether the history is sorted by `at`, and where its only `created` event is (throws unless exactly one). */
function surveyHistory(history: readonly TicketEvent[]): { readonly sorted: boolean; readonly createdIndex: number } {
  let sorted = true;
  let createdIndex = -1;
  let previousAt = -Infinity;
  for (let i = 0; i < history.length; i++) {
    const event = history[i] as TicketEvent;
    if (event.at < previousAt) sorted = false;
    previousAt = event.at;
    if (event.type !== 'created') continue;
    if (createdIndex !== -1) throw new Error('Ticket history has more than one `created` event; a history describes one ticket');
    createdIndex = i;
  }
  if (createdIndex === -1) throw new Error('Ticket history has no `created` event; every history must start with one');
  return { sorted, createdIndex };
}
