import { seededRandom } from './measure';

/** What a person does to a ticket in Zendesk; each is one create or update call, so one webhook. */
export type TicketEventKind =
  | 'customer_creates'
  | 'agent_public_reply'
  | 'agent_internal_note'
  | 'priority_change'
  | 'status_change'
  | 'tag_edit'
  | 'customer_follow_up';

export interface PlannedEvent {
  readonly at: number;
  /** Index of the ticket in the mix (0…tickets-1), not its Zendesk id. */
  readonly ticket: number;
  readonly kind: TicketEventKind;
  /** The Zendesk `ticket` body of the call (for the creation: without requester, which the caller knows). */
  readonly body: Record<string, unknown>;
}

/**
 * How often each kind happens besides the creations, per 80 events: roughly a support desk's day, where agents
 * answer most tickets once or twice, customers write back, and a fifth of the updates are internal notes.
 */
const MIX: readonly [TicketEventKind, number][] = [
  ['agent_public_reply', 24],
  ['customer_follow_up', 14],
  ['agent_internal_note', 12],
  ['status_change', 11],
  ['tag_edit', 10],
  ['priority_change', 9],
];

/**
 * A day's events over `tickets` tickets, `total` in all (one creation per ticket), from `start` over `hours`:
 * tickets are created through the first three quarters of the day and each one's later events follow 5–75
 * minutes apart, customers only writing back after an agent's public reply. Seeded: every run plays the same day.
 */
export function ticketEventMix(input: { tickets: number; total: number; start: number; hours: number; agentId: number; seed?: number }): PlannedEvent[] {
  const random = seededRandom(input.seed ?? 7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const pool = MIX.flatMap(([kind, weight]) => Array.from({ length: Math.round((weight * (input.total - input.tickets)) / 80) }, () => kind));
  while (pool.length > input.total - input.tickets) pool.pop();
  while (pool.length < input.total - input.tickets) pool.push('agent_internal_note');
  const perTicket: TicketEventKind[][] = Array.from({ length: input.tickets }, () => []);
  for (const kind of pool) pick(perTicket).push(kind);

  const events: PlannedEvent[] = [];
  const dayMs = input.hours * 3_600_000;
  perTicket.forEach((kinds, ticket) => {
    let at = input.start + Math.floor(random() * dayMs * 0.75);
    events.push({ at, ticket, kind: 'customer_creates', body: { subject: `Question ${ticket + 1}`, priority: pick(['low', 'normal', 'normal', 'high']) } });
    // A customer follow-up needs an agent's public reply before it; move replies forward when they are not.
    kinds.sort((a, b) => (a === 'agent_public_reply' ? -1 : 0) - (b === 'agent_public_reply' ? -1 : 0));
    const ordered = interleave(kinds, random);
    for (const kind of ordered) {
      at += 5 * 60_000 + Math.floor(random() * 70 * 60_000);
      events.push({ at, ticket, kind, body: bodyOf(kind, input.agentId, pick) });
    }
  });
  return events.sort((a, b) => a.at - b.at || a.ticket - b.ticket);
}

/** Shuffles while keeping every customer follow-up after the first agent reply. */
function interleave(kinds: readonly TicketEventKind[], random: () => number): TicketEventKind[] {
  const shuffled = [...kinds].sort(() => random() - 0.5);
  const firstReply = shuffled.indexOf('agent_public_reply');
  if (firstReply < 0) return shuffled.map((k) => (k === 'customer_follow_up' ? 'agent_internal_note' : k));
  const reply = shuffled.splice(firstReply, 1)[0] as TicketEventKind;
  const firstFollowUp = shuffled.indexOf('customer_follow_up');
  shuffled.splice(firstFollowUp < 0 ? Math.floor(random() * (shuffled.length + 1)) : firstFollowUp, 0, reply);
  return shuffled;
}

function bodyOf(kind: TicketEventKind, agentId: number, pick: <T>(items: readonly T[]) => T): Record<string, unknown> {
  switch (kind) {
    case 'agent_public_reply':
      return { comment: { body: 'Thanks, we are looking into it.', public: true, author_id: agentId }, ...pick([{}, { status: 'pending' }, { status: 'open' }]) };
    case 'agent_internal_note':
      return { comment: { body: 'Checked the logs.', public: false, author_id: agentId } };
    case 'priority_change':
      return { priority: pick(['low', 'normal', 'high', 'urgent']) };
    case 'status_change':
      return { status: pick(['pending', 'hold', 'open', 'solved']) };
    case 'tag_edit':
      return { additional_tags: [pick(['billing', 'bug', 'feature_request', 'vip'])] };
    case 'customer_follow_up':
    case 'customer_creates':
      return {};
  }
}
