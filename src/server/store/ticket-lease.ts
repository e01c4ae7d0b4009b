import { sql, type ExpressionBuilder, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from './database';
import { lockedForClaim, type StoreContext } from './store-context';

/**
 * A ticket's lease lives on its `ticket_states` row and is shared by every kind of ticket work (inbox deliveries,
 * due checks): whoever holds it is the only one assessing that ticket. On PostgreSQL the row lock taken while
 * claiming (SKIP LOCKED) makes two concurrent claimers pick disjoint tickets; after commit the lease columns keep
 * others away until it is released or runs out.
 */
export interface TicketKey {
  readonly account_id: string;
  readonly ticket_id: string;
}

export const isFreeTicket = (now: number) => (eb: ExpressionBuilder<Database, 'ticket_states'>) =>
  eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', now)]);

/** `(account_id, ticket_id) IN ((…), …)` for any table keyed by ticket (a row value: SQLite ≥ 3.15, PostgreSQL). */
export function ticketIn(keys: readonly TicketKey[]): RawBuilder<SqlBool> {
  const tuples = keys.map((k) => sql`(${k.account_id}, ${k.ticket_id})`);
  return sql<SqlBool>`(account_id, ticket_id) in (${sql.join(tuples)})`;
}

/** Locks and leases those of `candidates` that nobody holds, keeping the candidates' order; at most `limit`. */
export async function leaseFreeTickets(
  ctx: StoreContext,
  trx: Kysely<Database>,
  input: { candidates: readonly TicketKey[]; owner: string; now: number; leaseUntil: number; limit: number },
): Promise<TicketKey[]> {
  const { candidates, owner, now, leaseUntil, limit } = input;
  if (candidates.length === 0) return [];
  await trx
    .insertInto('ticket_states')
    .values(candidates.map((k) => ({ account_id: k.account_id, ticket_id: k.ticket_id, updated_at: now })))
    .onConflict((oc) => oc.columns(['account_id', 'ticket_id']).doNothing())
    .execute();
  const free = await lockedForClaim(
    ctx,
    trx.selectFrom('ticket_states').select(['account_id', 'ticket_id']).where(ticketIn(candidates)).where(isFreeTicket(now)),
  ).execute();
  const freeSet = new Set(free.map(keyOf));
  const chosen = candidates.filter((k) => freeSet.has(keyOf(k))).slice(0, limit);
  if (chosen.length > 0) {
    await trx
      .updateTable('ticket_states')
      .set({ lease_owner: owner, lease_until: leaseUntil })
      .where(ticketIn(chosen))
      .execute();
  }
  return chosen;
}

/** Frees the ticket if `owner` holds it; false when someone else has claimed it since (our lease ran out). */
export async function releaseTicketLease(db: Kysely<Database>, owner: string, key: TicketKey): Promise<boolean> {
  const result = await db
    .updateTable('ticket_states')
    .set({ lease_owner: null, lease_until: null })
    .where('account_id', '=', key.account_id)
    .where('ticket_id', '=', key.ticket_id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export const keyOf = (k: TicketKey): string => JSON.stringify([k.account_id, k.ticket_id]);
