import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { backtestCommand } from '../../src/cli/backtest';
import { generatedHistory, generatedPolicies, OFFICE_HOURS } from '../support/generated-tickets';
import { createTestAccount, openTestStore, TEST_ENCRYPTION_KEY, type TestStore } from '../support/test-database';

const MARCH = '2026-03-01T00:00:00+01:00';
const APRIL = '2026-04-01T00:00:00+02:00';

describe('sla backtest (the command)', () => {
  let t: TestStore;
  let env: Record<string, string>;
  let draftFile: string;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    const account = await createTestAccount(t.store, { subdomain: 'acme-backtest' });
    const schedule = await t.store.saveSchedule({ accountId: account.id, name: 'Office', spec: OFFICE_HOURS, now: 0 });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    const bodies = generatedPolicies(schedule.value.id);
    for (const body of bodies) await t.store.savePolicy({ accountId: account.id, body, authorId: null, now: 0 });
    for (let i = 0; i < 20; i++) {
      const history = generatedHistory(i, Date.parse(MARCH), 20 * 86_400_000);
      await t.store.appendTicketEvents({ accountId: account.id, ticketId: String(i), events: history.map((event, n) => ({ sourceId: `g${n}`, event })) });
      // records computed elsewhere are not needed to run: the command replays whatever tickets have records
      await t.store.saveMetricRecords([{ accountId: account.id, ticketId: String(i), metric: 'first_reply_time', instance: 1, policyId: null, priority: null, groupId: null, assigneeId: null, brandId: null, organizationId: null, via: null, status: 'active', startedAt: history[0]!.at, dueAt: null, fulfilledAt: null, breachedAt: null, businessMinutes: 0, calendarMinutes: 0 }], history[0]!.at);
    }
    if (t.database.kind !== 'sqlite') throw new Error('sqlite expected');
    draftFile = join(dirname(t.database.file), 'draft.json');
    // the draft: one catch-all with a 1-minute first reply, so every ticket switches policy
    writeFileSync(draftFile, JSON.stringify([{ id: 'strict', title: 'Strict', position: 1, targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 1, hours: 'calendar' }] }]));
    env = { DATABASE_URL: `sqlite:${t.database.file}`, SLA_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY.bytes.toString('base64'), ZENDESK_SUBDOMAIN: 'acme-backtest', ZENDESK_EMAIL: 'ops@acme.test', ZENDESK_API_TOKEN: 'token' };
  });
  afterAll(() => t.destroy());

  async function run(args: string[]): Promise<string> {
    let printed = '';
    await backtestCommand(env, args, (text) => (printed += text));
    return printed;
  }

  it('prints the comparison with a draft file, side by side', async () => {
    const output = await run(['--from', MARCH, '--to', APRIL, '--policies', draftFile]);
    expect(output).toMatch(/^20 tickets replayed twice in /);
    expect(output).toContain('first_reply_time / ');
    expect(output).toMatch(/tickets switching policy: 20\n/);
    const moves = [...output.matchAll(/^ {2}(\w+) → Strict: (\d+)$/gm)];
    expect(moves.map((m) => m[1]).sort()).toEqual(['Standard', 'Urgent', 'VIP']);
    expect(moves.reduce((n, m) => n + Number(m[2]), 0)).toBe(20);
    // A what-if reads no stored records unless asked to verify them too.
    expect(output).not.toContain('reproduce the stored records');
    // (This database's records are one made-up record per ticket: the check tells they are not what the rules give.)
    expect(await run(['--from', MARCH, '--to', APRIL, '--policies', draftFile, '--verify'])).toMatch(/current rules reproduce the stored records: 0 of 20 identical; differing: 0\/first_reply_time#1, /);
  });

  it('prints the whole comparison as JSON', async () => {
    const parsed = JSON.parse(await run(['--from', MARCH, '--to', APRIL, '--account', 'acme-backtest', '--json']));
    expect(parsed.comparison.tickets).toBe(20);
    expect(parsed.reproduction.stored).toBe(20);
  });

  it('refuses missing options and unknown accounts', async () => {
    await expect(run(['--from', MARCH])).rejects.toThrow(/usage: sla backtest/);
    await expect(run(['--from', MARCH, '--to', APRIL, '--account', 'nobody'])).rejects.toThrow(/no account "nobody"/);
  });
});
