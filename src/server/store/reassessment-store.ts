import type { Kysely } from 'kysely';
import type { TicketEvent } from '../../core/ticket/ticket-event';
import type { EpochMillis } from '../../core/time/instant';
import type { Database } from './database';
import type { StoreContext } from './store-context';

/** Open tickets of an account, for policy changes that reach tickets already in flight. */
export interface ReassessmentStore {
  /**
   * Asks the scheduler to re-assess the account's open tickets now: sets `next_check_at = now` on every ticket that
   * has a state and is neither solved nor closed, unless it is already due. Returns how many were marked.
   */
  requestReassessment(accountId: string, now: EpochMillis): Promise<number>;
  /** Ids of the account's tickets that have a state and are neither solved nor closed: at most `limit`, by id. */
  listOpenTicketIds(accountId: string, limit: number): Promise<{ readonly ticketIds: readonly string[]; readonly truncated: boolean }>;
  /**
   * The same tickets with their histories (in append order, as listTicketEvents gives them), read a chunk of
   * tickets per query instead of one query per ticket: what a sweep over many tickets needs.
   */
  listOpenTicketHistories(accountId: string, limit: number): Promise<{ readonly tickets: readonly OpenTicketHistory[]; readonly truncated: boolean }>;
}

export interface OpenTicketHistory {
  readonly ticketId: string;
  readonly history: readonly TicketEvent[];
}

/** Rows per `IN (...)` list: far below SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const CHUNK = 500;

export function reassessmentStore({ db }: StoreContext): ReassessmentStore {
  return {
    async requestReassessment(accountId, now) {
      const ids = await openTicketIds(db, accountId);
      let marked = 0;
      for (let i = 0; i < ids.length; i += CHUNK) {
        const result = await db
          .updateTable('ticket_states')
          .set({ next_check_at: now })
          .where('account_id', '=', accountId)
          .where('ticket_id', 'in', ids.slice(i, i + CHUNK))
          .where((eb) => eb.or([eb('next_check_at', 'is', null), eb('next_check_at', '>', now)]))
          .executeTakeFirst();
        marked += Number(result.numUpdatedRows);
      }
      return marked;
    },
    async listOpenTicketIds(accountId, limit) {
      const ids = await openTicketIds(db, accountId);
      return { ticketIds: ids.slice(0, limit), truncated: ids.length > limit };
    },
    async listOpenTicketHistories(accountId, limit) {
      const ids = await openTicketIds(db, accountId);
      const wanted = ids.slice(0, limit);
      const histories = new Map<string, TicketEvent[]>(wanted.map((id) => [id, []]));
      for (let i = 0; i < wanted.length; i += CHUNK) {
        const rows = await db
          .selectFrom('ticket_events')
          .select(['ticket_id', 'payload'])
          .where('account_id', '=', accountId)
          .where('ticket_id', 'in', wanted.slice(i, i + CHUNK))
          .orderBy('ticket_id')
          .orderBy('seq')
          .execute();
        for (const row of rows) histories.get(row.ticket_id)?.push(JSON.parse(row.payload) as TicketEvent);
      }
      return { tickets: wanted.map((ticketId) => ({ ticketId, history: histories.get(ticketId) ?? [] })), truncated: ids.length > limit };
    },
  };
}

/**
 * A ticket's status is the last `status_changed` in its history, or the status it was created with. Read from the
 * history (not from the stored assessment, which holds no status) in the order the core replays it: by `at`, then
 * as appended. Closed tickets matter most to leave out: Zendesk refuses updates to them.
 */
async function openTicketIds(db: Kysely<Database>, accountId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket_events as e')
    .innerJoin('ticket_states as s', (join) => join.onRef('s.account_id', '=', 'e.account_id').onRef('s.ticket_id', '=', 'e.ticket_id'))
    .select(['e.ticket_id', 'e.payload'])
    .where('e.account_id', '=', accountId)
    .where('e.type', 'in', ['created', 'status_changed'])
    .orderBy('e.ticket_id')
    .orderBy('e.at')
    .orderBy('e.seq')
    .execute();
  const statusOf = new Map<string, string>();
  for (const row of rows) {
    const event = JSON.parse(row.payload) as TicketEvent;
    if (event.type === 'created') statusOf.set(row.ticket_id, event.ticket.status);
    else if (event.type === 'status_changed') statusOf.set(row.ticket_id, event.to);
  }
  return [...statusOf].filter(([, status]) => status !== 'solved' && status !== 'closed').map(([id]) => id);
}
