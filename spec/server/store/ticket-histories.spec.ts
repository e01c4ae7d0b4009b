import { Migrator, sql, type Kysely } from 'kysely';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { Database } from '../../../src/server/store/database';
import { migrationProvider } from '../../../src/server/store/migrations';
import { migrateToLatest } from '../../../src/server/store/open-store';
import type { Account } from '../../../src/server/store/sla-store';
import { aTicket } from '../../support/a-ticket';
import { createTestAccount, rawKysely, TEST_DIALECTS, useTestStore } from '../../support/test-database';

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

const comment = (minutes: number, authorRole: 'agent' | 'end_user' = 'agent'): TicketEvent => ({ type: 'comment', at: T0 + minutes * 60_000, public: true, authorRole });

/** The ticket's copy of its history (migration 0008), which a backtest reads, against its events in seq order. */
describe.each(TEST_DIALECTS)('ticket histories kept beside the events on %s', (dialect) => {
  const store = useTestStore(dialect);
  let account: Account;
  let raw: Kysely<Database>;
  // A connection of the test's own beside the store's, closed after each test: the database is dropped after all.
  beforeEach(async () => {
    account = await createTestAccount(store());
    raw = rawKysely(store.database());
  });
  afterEach(async () => {
    await raw.destroy();
  });

  const insertEvent = (ticketId: string, seq: number, event: TicketEvent) =>
    sql`insert into ticket_events (account_id, ticket_id, seq, at, type, payload, source_id)
      values (${account.id}, ${ticketId}, ${seq}, ${event.at}, ${event.type}, ${JSON.stringify(event)}, ${`raw-${seq}`})`.execute(raw);

  it('follows every way of writing events: appends, an insert before the last seq, an update, deletes', async () => {
    const created: TicketEvent = { type: 'created', at: T0, ticket: aTicket({ id: '1' }) };
    await store().appendTicketEvents({ accountId: account.id, ticketId: '1', events: [{ sourceId: 'c', event: created }, { sourceId: 'a', event: comment(1) }] });
    await store().appendTicketEvents({ accountId: account.id, ticketId: '1', events: [{ sourceId: 'b', event: comment(2) }] });
    expect((await store().listTicketHistories(account.id, ['1'])).get('1')).toEqual([created, comment(1), comment(2)]);

    // seq 10 then 5: the copy follows seq, not the order rows were inserted in
    await insertEvent('1', 10, comment(10));
    await insertEvent('1', 5, comment(5));
    expect((await store().listTicketHistories(account.id, ['1'])).get('1')).toEqual([created, comment(1), comment(2), comment(5), comment(10)]);
    // the next append goes after seq 10
    await store().appendTicketEvents({ accountId: account.id, ticketId: '1', events: [{ sourceId: 'd', event: comment(11) }] });
    expect((await store().listTicketHistories(account.id, ['1'])).get('1')).toEqual([created, comment(1), comment(2), comment(5), comment(10), comment(11)]);

    await sql`update ticket_events set payload = ${JSON.stringify(comment(5, 'end_user'))} where account_id = ${account.id} and ticket_id = '1' and seq = 5`.execute(raw);
    await sql`delete from ticket_events where account_id = ${account.id} and ticket_id = '1' and seq in (2, 10)`.execute(raw);
    expect((await store().listTicketHistories(account.id, ['1'])).get('1')).toEqual([created, comment(2), comment(5, 'end_user'), comment(11)]);

    await sql`delete from ticket_events where account_id = ${account.id} and ticket_id = '1'`.execute(raw);
    await expect(store().listTicketHistories(account.id, ['1'])).resolves.toEqual(new Map());
  });

  it('is made from the events already stored when the migration runs, and goes with its down', async () => {
    const created: TicketEvent = { type: 'created', at: T0, ticket: aTicket({ id: '2', tags: ['a,b'] }) };
    await store().appendTicketEvents({ accountId: account.id, ticketId: '2', events: [{ sourceId: 'c', event: created }, { sourceId: 'a', event: comment(1) }] });
    await new Migrator({ db: raw, provider: migrationProvider }).migrateTo('0007-objective-alerts');
    await insertEvent('2', 3, comment(3)); // written while the copy does not exist
    await migrateToLatest(raw);
    expect((await store().listTicketHistories(account.id, ['2'])).get('2')).toEqual([created, comment(1), comment(3)]);
  });
});
