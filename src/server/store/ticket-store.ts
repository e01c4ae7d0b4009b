import { millisOf, optionalMillisOf } from './database';
import type { SourcedTicketEvent, TicketStore } from './sla-store';
import { inWriteTransaction, lockedForClaim, type StoreContext } from './store-context';
import { ticketEventRowToEvent, ticketEventToRow } from './ticket-event-rows';
import { isFreeTicket, releaseTicketLease, ticketIn } from './ticket-lease';
import { ticketStateRowToState } from './ticket-state-rows';
import { vouchedThrough } from './seen-through';

export function ticketStore(ctx: StoreContext): TicketStore {
  const { db } = ctx;
  return {
    async appendTicketEvents({ accountId, ticketId, events }) {
      if (events.length === 0) return 0;
      return inWriteTransaction(ctx, async (trx) => {
        const known = await trx
          .selectFrom('ticket_events')
          .select(['source_id', 'seq'])
          .where('account_id', '=', accountId)
          .where('ticket_id', '=', ticketId)
          .execute();
        const seen = new Set(known.map((k) => k.source_id));
        let seq = known.reduce((max, k) => Math.max(max, k.seq), 0);
        // Skips events stored before, and repeats within this call (an audit read twice in one page).
        const fresh: SourcedTicketEvent[] = [];
        for (const event of events) {
          if (seen.has(event.sourceId)) continue;
          seen.add(event.sourceId);
          fresh.push(event);
        }
        if (fresh.length === 0) return 0;
        await trx
          .insertInto('ticket_events')
          .values(fresh.map((e) => ticketEventToRow({ accountId, ticketId }, ++seq, e)))
          .execute();
        return fresh.length;
      });
    },

    async listTicketEvents(accountId, ticketId) {
      const rows = await db
        .selectFrom('ticket_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('ticket_id', '=', ticketId)
        .orderBy('seq')
        .execute();
      return rows.map(ticketEventRowToEvent);
    },

    async getTicketState(accountId, ticketId) {
      const row = await db
        .selectFrom('ticket_states')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('ticket_id', '=', ticketId)
        .executeTakeFirst();
      return row ? ticketStateRowToState(row) : null;
    },

    async saveTicketState({ owner, accountId, ticketId, assessment, shown, policyId, nextCheckAt, zendeskUpdatedAt, now }) {
      const result = await db
        .updateTable('ticket_states')
        .set((eb) => ({
          assessment: JSON.stringify(assessment),
          shown: shown === null ? null : JSON.stringify(shown),
          policy_id: policyId,
          next_check_at: nextCheckAt,
          zendesk_updated_at: zendeskUpdatedAt,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('account_id', '=', accountId)
        .where('ticket_id', '=', ticketId)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n ? 'saved' : 'lease_lost';
    },

    async claimDueTickets({ owner, now, leaseMs, limit }) {
      const leaseUntil = now + leaseMs;
      return inWriteTransaction(ctx, async (trx) => {
        const due = await lockedForClaim(
          ctx,
          trx
            .selectFrom('ticket_states')
            .select(['account_id', 'ticket_id', 'next_check_at'])
            .where('next_check_at', '<=', now)
            .where(isFreeTicket(now))
            .orderBy('next_check_at')
            .orderBy('ticket_id')
            .limit(limit),
        ).execute();
        // One statement for the whole batch: the rows are locked (or the database is) since the select above.
        if (due.length > 0) {
          await trx.updateTable('ticket_states').set({ lease_owner: owner, lease_until: leaseUntil }).where(ticketIn(due)).execute();
        }
        return due.map((t) => ({
          accountId: t.account_id,
          ticketId: t.ticket_id,
          nextCheckAt: millisOf(t.next_check_at ?? now),
          leaseUntil,
        }));
      });
    },

    async earliestDueCheck() {
      const row = await db.selectFrom('ticket_states').select((eb) => eb.fn.min('next_check_at').as('earliest')).executeTakeFirstOrThrow();
      return optionalMillisOf(row.earliest);
    },

    async noteOwnWrite({ accountId, ticketId, readAt, writtenAt }) {
      await db
        .updateTable('ticket_states')
        .set({ zendesk_updated_at: vouchedThrough(writtenAt) })
        .where('account_id', '=', accountId)
        .where('ticket_id', '=', ticketId)
        // The version we wrote on: read (readAt) or itself our vouched write (see seen-through.ts).
        .where('zendesk_updated_at', 'in', [readAt, vouchedThrough(readAt)])
        .execute();
    },

    async releaseTicket({ owner, accountId, ticketId }) {
      return releaseTicketLease(db, owner, { account_id: accountId, ticket_id: ticketId });
    },
  };
}
