import type { TicketEvent } from '../../../../src/core/ticket/ticket-event';
import type { Priority, TicketStatus } from '../../../../src/core/ticket/ticket-snapshot';
import type { Account, PolicyBody, SlaStore } from '../../../../src/server/store/sla-store';
import { aTicket } from '../../../support/a-ticket';
import { storeTicket } from '../../../support/stored-ticket';
import { API_NOW } from './app-api-fixture';

/** When the fixture tickets were created: half an hour before the API's now. */
export const CREATED_AT = API_NOW - 30 * 60_000;

/** First replies: urgent within 60 minutes, anything else within 240 (calendar minutes). */
export const standardPolicy = (urgentMinutes = 60): PolicyBody => ({
  title: 'Standard',
  description: '',
  active: true,
  filter: { all: [], any: [] },
  targets: [
    { metric: 'first_reply_time', priority: 'urgent', targetMinutes: urgentMinutes, hours: 'calendar' },
    { metric: 'first_reply_time', priority: 'any', targetMinutes: 240, hours: 'calendar' },
  ],
});

export async function saveStandardPolicy(store: SlaStore, account: Account): Promise<string> {
  const saved = await store.savePolicy({ accountId: account.id, body: standardPolicy(), authorId: null, now: CREATED_AT - 1 });
  if (saved.kind !== 'saved') throw new Error(saved.kind);
  return saved.value.id;
}

/** A ticket created at CREATED_AT by a requester's comment, with no reply yet; solved a minute later if asked. */
export async function storeWaitingTicket(store: SlaStore, account: Account, ticketId: string, priority: Priority, status: TicketStatus = 'open'): Promise<void> {
  const history: TicketEvent[] = [
    { type: 'created', at: CREATED_AT, ticket: aTicket({ id: ticketId, status: 'open', priority }) },
    { type: 'comment', at: CREATED_AT, public: true, authorRole: 'end_user' },
  ];
  if (status !== 'open') history.push({ type: 'status_changed', at: CREATED_AT + 60_000, from: 'open', to: status });
  await storeTicket(store, { accountId: account.id, ticketId, history, now: CREATED_AT });
}
