import { PostgresAdapter, sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Each ticket's stored history as one text, its event payloads joined in seq order by commas (what a backtest or a
 * pause audit reads: '[' || events || ']' is the history's JSON), kept by triggers on ticket_events so that every
 * way of writing events keeps it whole. Reading 100 tickets' copies costs a primary-key lookup each; aggregating
 * their events in seq order (string_agg … ORDER BY seq) cost SQLite about three times as much, ~150 ms of a
 * 20,000-ticket backtest's ~1.2 CPU-s (issue #6). An event appended after the ticket's last seq (what
 * appendTicketEvents does) is appended to the copy; any other insert, an update or a delete rebuilds it from the
 * events, so the copy never depends on the order a statement inserts rows in.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ticket_histories')
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('ticket_id', 'text', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_histories_pk', ['account_id', 'ticket_id'])
    .execute();
  await sql`insert into ticket_histories (account_id, ticket_id, last_seq, events)
    select account_id, ticket_id, max(seq), string_agg(payload, ',' order by seq) from ticket_events group by account_id, ticket_id`.execute(db);

  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`create function ticket_histories_rebuild(account text, ticket text) returns void language plpgsql as $$
      begin
        ${rebuild(sql`account`, sql`ticket`)}
      end $$`.execute(db);
    await sql`create function ticket_histories_follow() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${append('greatest')}
          return null;
        end if;
        perform ticket_histories_rebuild(old.account_id, old.ticket_id);
        if tg_op = 'UPDATE' then
          perform ticket_histories_rebuild(new.account_id, new.ticket_id);
        end if;
        return null;
      end $$`.execute(db);
    await sql`create trigger ticket_histories_follow after insert or update or delete on ticket_events for each row execute function ticket_histories_follow()`.execute(db);
    return;
  }
  await sql`create trigger ticket_histories_insert after insert on ticket_events begin
      ${append('max')}
    end`.execute(db);
  await sql`create trigger ticket_histories_update after update on ticket_events begin
      ${rebuild(sql`old.account_id`, sql`old.ticket_id`)}
      ${rebuild(sql`new.account_id`, sql`new.ticket_id`)}
    end`.execute(db);
  await sql`create trigger ticket_histories_delete after delete on ticket_events begin
      ${rebuild(sql`old.account_id`, sql`old.ticket_id`)}
    end`.execute(db);
}

/**
 * Appends the new event to its ticket's copy when it comes after the copy's last seq; otherwise rebuilds the copy
 * from the events (the new one included). `larger` is the two-argument maximum's name in the dialect.
 */
function append(larger: 'max' | 'greatest') {
  return sql`insert into ticket_histories (account_id, ticket_id, last_seq, events) values (new.account_id, new.ticket_id, new.seq, new.payload)
    on conflict (account_id, ticket_id) do update set
      events = case when excluded.last_seq > ticket_histories.last_seq then ticket_histories.events || ',' || excluded.events
        else (select string_agg(payload, ',' order by seq) from ticket_events e where e.account_id = excluded.account_id and e.ticket_id = excluded.ticket_id) end,
      last_seq = ${sql.raw(larger)}(ticket_histories.last_seq, excluded.last_seq);`;
}

/**
 * The ticket's copy made again from its events; none when it has no events left, or when its account is being
 * deleted (its events go by cascade: a copy made again then would name an account that is gone).
 */
function rebuild(account: RawBuilder<unknown>, ticket: RawBuilder<unknown>) {
  return sql`delete from ticket_histories where account_id = ${account} and ticket_id = ${ticket};
    insert into ticket_histories (account_id, ticket_id, last_seq, events)
      select account_id, ticket_id, max(seq), string_agg(payload, ',' order by seq) from ticket_events e
      where e.account_id = ${account} and e.ticket_id = ${ticket} and exists (select 1 from accounts a where a.id = e.account_id)
      group by account_id, ticket_id;`;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`drop trigger ticket_histories_follow on ticket_events`.execute(db);
    await sql`drop function ticket_histories_follow()`.execute(db);
    await sql`drop function ticket_histories_rebuild(text, text)`.execute(db);
  } else {
    for (const name of ['ticket_histories_insert', 'ticket_histories_update', 'ticket_histories_delete']) await sql`drop trigger ${sql.raw(name)}`.execute(db);
  }
  await db.schema.dropTable('ticket_histories').execute();
}
