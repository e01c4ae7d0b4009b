import type { Client } from 'pg';

/**
 * Fills `ticket_states` with `count` open tickets of `accountId` in one statement (generate_series, server side),
 * their next checks spread evenly over [from, from + spanMs) but inserted in a scrambled order (a multiplicative
 * permutation), as tickets created at random times would be. Only the columns the scheduler's claim reads are set:
 * the assessment and shown state stay null, since these tickets are never due during a run.
 */
export async function insertIdleTicketStates(pg: Client, input: { accountId: string; count: number; from: number; spanMs: number; firstTicketId: number }): Promise<void> {
  const { accountId, count, from, spanMs, firstTicketId } = input;
  // 7919 is prime and does not divide count (10^k): g -> g * 7919 mod count visits every slot once.
  await pg.query(
    `insert into ticket_states (account_id, ticket_id, next_check_at, version, updated_at)
     select $1, ($2::bigint + g)::text, $3::bigint + ((g::bigint * 7919) % $4::bigint) * $5::double precision, 1, $6::bigint
     from generate_series(0, $4::bigint - 1) as g`,
    [accountId, firstTicketId, from, count, spanMs / count, from],
  );
}

export interface DueTicketRow {
  readonly ticketId: string;
  readonly assessment: string;
  readonly shown: string;
  readonly policyId: string;
  readonly nextCheckAt: number;
  readonly zendeskUpdatedAt: number;
  readonly createdEvent: string;
  readonly createdAt: number;
}

/** Tickets with a real history (one `created` event) and their stored assessment, in two multi-row inserts. */
export async function insertDueTickets(pg: Client, accountId: string, rows: readonly DueTicketRow[], now: number): Promise<void> {
  const column = <T>(pick: (r: DueTicketRow) => T) => rows.map(pick);
  await pg.query(
    `insert into ticket_states (account_id, ticket_id, assessment, shown, policy_id, next_check_at, zendesk_updated_at, version, updated_at)
     select $1, t.*, 1, $8 from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) as t`,
    [accountId, column((r) => r.ticketId), column((r) => r.assessment), column((r) => r.shown), column((r) => r.policyId), column((r) => r.nextCheckAt), column((r) => r.zendeskUpdatedAt), now],
  );
  await pg.query(
    `insert into ticket_events (account_id, ticket_id, seq, at, type, payload, source_id)
     select $1, t.ticket_id, 1, t.at, 'created', t.payload, 'bench:created' from unnest($2::text[], $3::bigint[], $4::text[]) as t(ticket_id, at, payload)`,
    [accountId, column((r) => r.ticketId), column((r) => r.createdAt), column((r) => r.createdEvent)],
  );
}
