import { randomBytes } from 'node:crypto';
import { startZendeskEmulator, type RunningZendeskEmulator } from '../../../src/sandbox/emulator';
import { openStore } from '../../../src/server/store/open-store';
import type { SlaStore } from '../../../src/server/store/sla-store';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { tokenAuth } from '../../sandbox/emulator/support/emulator-fixture';
import { REQUIREMENTS, SERVER_USER_EMAIL } from './support/pipeline-fixture';
import { freePort, ServerProcess, startBalancer } from './support/server-process';

jest.setTimeout(180_000);

const ENCRYPTION_KEY = randomBytes(32).toString('base64');
/** The first reply is due 20 s after a ticket is created: long enough to reply to some in time, short for a test. */
const FIRST_REPLY_MINUTES = 20 / 60;

/**
 * Issue #3's scale-out and crash tests, with real processes: two `sla serve` processes on one PostgreSQL behind a
 * load balancer share the webhook intake, the inbox, the scheduler and the write-backs, while tickets stream in
 * and each process is SIGKILLed at some point and restarted. Afterwards every ticket event is in the stored
 * history, every ticket shows its right state, and no breach email went out twice.
 */
describe('two server processes on one PostgreSQL, killed while tickets stream in', () => {
  let zendesk: RunningZendeskEmulator;
  let database: TestDatabase;
  let store: SlaStore;
  let servers: ServerProcess[] = [];
  let balancer: Awaited<ReturnType<typeof startBalancer>>;

  afterAll(async () => {
    for (const server of servers) await server.stop();
    await balancer?.close();
    await store?.close();
    await zendesk?.close();
    await database?.drop();
  });

  const call = async (method: string, url: string, body?: unknown) => {
    const response = await fetch(`${zendesk.url}${url}`, {
      method,
      headers: { authorization: tokenAuth(), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
    return text === '' ? null : JSON.parse(text);
  };

  it('processes every event once, shows the right state on every ticket, and mails each breach once', async () => {
    zendesk = await startZendeskEmulator();
    database = await createTestDatabase('postgres');
    if (database.database.kind !== 'postgres') throw new Error('postgres expected');
    const agent = zendesk.admin.addUser({ name: 'Alice Agent', email: 'alice@sandbox.test', role: 'agent', groupIds: [20001] });
    const customer = zendesk.admin.addUser({ name: 'Carol Customer', email: 'carol@customer.test', role: 'end-user' });
    const installation = zendesk.admin.installApp(REQUIREMENTS as never, { appName: 'SLA Clock' });
    zendesk.admin.addUser({ name: 'SLA Clock', email: SERVER_USER_EMAIL, role: 'admin' });
    // Two servers and this test's own polling share one account's budget; the limits are not what is tested here.
    zendesk.admin.setRateLimits({ accountPerMinute: 100_000 });

    const ports = [await freePort(), await freePort()];
    balancer = await startBalancer(ports.map((port) => ({ url: `http://127.0.0.1:${port}` })));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      DATABASE_URL: database.database.url,
      SLA_ENCRYPTION_KEY: ENCRYPTION_KEY,
      ZENDESK_SUBDOMAIN: 'acme',
      ZENDESK_EMAIL: SERVER_USER_EMAIL,
      ZENDESK_API_TOKEN: 'sandbox-api-token',
      ZENDESK_URL: zendesk.url,
      ZENDESK_APP_INSTALLATION_ID: String(installation.id),
      PUBLIC_URL: balancer.url,
      SLA_WORKER_LEASE_SECONDS: '5',
      // Short write-back windows, so that both processes batch the same windows within the test's time.
      SLA_WRITEBACK_WINDOW_SECONDS: '2',
      LOG_LEVEL: 'warn',
    };
    servers = ports.map((port) => new ServerProcess(port, env));
    // One process connects the account first (setup finds its trigger by title; two first setups at once could both create it).
    await servers[0]?.start();
    store = await openStore({ database: database.database, encryptionKey: { bytes: Buffer.from(ENCRYPTION_KEY, 'base64') } });
    const account = await waitFor(async () => {
      const found = await store.findAccountBySubdomain('acme');
      return found?.zendeskSetup ? found : null;
    });
    await servers[1]?.start();
    const schedule = await store.saveSchedule({ accountId: account.id, name: '24/7', spec: { timeZone: 'UTC', week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]])) }, now: Date.now() });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    await store.savePolicy({
      accountId: account.id,
      authorId: null,
      now: Date.now(),
      body: {
        title: 'Fast',
        description: '',
        active: true,
        filter: { all: [], any: [] },
        targets: [
          { metric: 'first_reply_time', priority: 'any', targetMinutes: FIRST_REPLY_MINUTES, hours: 'calendar' },
          { metric: 'total_resolution_time', priority: 'any', targetMinutes: 24 * 60, hours: 'calendar' },
        ],
      },
    });

    // Tickets stream in for ~8 s; half get a public agent reply in time, all get an internal note and a priority change.
    // Each process is SIGKILLed once, in turn, while tickets stream in: either can die, the other carries on.
    const kills = (async () => {
      for (const server of servers) {
        await sleep(1_500);
        await server.kill();
        await sleep(500);
        await server.start();
      }
    })();
    const tickets: { id: number; replied: boolean }[] = [];
    for (let i = 0; i < 16; i++) {
      const created = await call('POST', '/api/v2/tickets.json', {
        ticket: { subject: `Ticket ${i}`, requester_id: customer.id, assignee_id: agent.id, group_id: 20001, comment: { body: 'Help', author_id: customer.id } },
      });
      const id = created.ticket.id as number;
      const replied = i % 2 === 0;
      tickets.push({ id, replied });
      await call('PUT', `/api/v2/tickets/${id}.json`, { ticket: { priority: i % 3 === 0 ? 'high' : 'low', comment: { body: 'Looking', public: false, author_id: agent.id } } });
      if (replied) await call('PUT', `/api/v2/tickets/${id}.json`, { ticket: { status: 'open', comment: { body: 'Answer', public: true, author_id: agent.id } } });
      await sleep(400);
    }
    await kills;

    // Every unreplied ticket breaches 20 s after creation; wait for the breaches to be written and mailed.
    const fieldIds = account.zendeskSetup?.fieldIds ?? {};
    const statusOf = async (id: number) => {
      const ticket = (await call('GET', `/api/v2/tickets/${id}.json`)).ticket;
      return { status: ticket.custom_fields.find((f: { id: number }) => String(f.id) === fieldIds.sla_status)?.value, tags: ticket.tags as string[] };
    };
    const report = async () => {
      const lines = [];
      for (const ticket of tickets) lines.push(`${ticket.id} replied=${ticket.replied} ${JSON.stringify(await statusOf(ticket.id))}`);
      const attempts = zendesk.admin.webhookAttempts().map((a) => `${a.ticketId}:${JSON.stringify(a.outcome)}`);
      return `${lines.join('\n')}\nattempts ${attempts.join(' ')}\ninbox ${JSON.stringify(await store.inboxStats())} outbox ${JSON.stringify(await store.writebackStats())}\n${servers.map((s) => s.logs().slice(-3000)).join('\n----\n')}`;
    };
    await waitFor(async () => {
      for (const ticket of tickets) {
        const { status, tags } = await statusOf(ticket.id);
        const expected = ticket.replied ? 'sla_status_on_track' : 'sla_status_breached';
        if (status !== expected || (!ticket.replied && !tags.includes('sla_notified_out_assignee'))) return null;
      }
      return true;
    }, 90_000, report);
    await sleep(2_000);
    await zendesk.admin.settleWebhooks();
    await waitFor(async () => ((await store.inboxStats()).pending === 0 && (await store.writebackStats()).pending === 0 ? true : null), 30_000);

    for (const ticket of tickets) {
      // No event lost: every comment, priority and status change Zendesk recorded is in the stored history.
      const audits = (await call('GET', `/api/v2/tickets/${ticket.id}/audits.json`)).audits as { events: { type: string; field_name?: string }[] }[];
      const zendeskEvents = audits.slice(1).flatMap((a) => a.events.filter((e) => e.type === 'Comment' || (e.type === 'Change' && (e.field_name === 'priority' || e.field_name === 'status'))));
      const stored = (await store.listTicketEvents(account.id, String(ticket.id))).map((s) => s.event.type);
      expect(stored[0]).toBe('created');
      expect(stored.filter((t) => t === 'comment')).toHaveLength(1 + zendeskEvents.filter((e) => e.type === 'Comment').length);
      expect(stored.filter((t) => t === 'priority_changed' || t === 'status_changed')).toHaveLength(zendeskEvents.filter((e) => e.type === 'Change').length);
      const breaches = await store.listBreaches(account.id, String(ticket.id));
      expect(breaches.map((b) => b.metric)).toEqual(ticket.replied ? [] : ['first_reply_time']);
    }
    // No breach email twice: one per trigger, recipient and breached ticket; none for the tickets answered in time.
    const mails = zendesk.admin.outbox().filter((m) => m.subject.includes('Out of SLA'));
    const keys = mails.map((m) => `${m.ticketId} ${m.triggerId} ${m.to}`);
    expect(keys).toEqual([...new Set(keys)]);
    const unreplied = tickets.filter((t) => !t.replied).map((t) => t.id);
    expect(new Set(mails.map((m) => m.ticketId))).toEqual(new Set(unreplied));
    expect(mails.filter((m) => m.to === 'alice@sandbox.test' && m.subject.includes('Out of SLA'))).toHaveLength(unreplied.length * 2);
  });
});

async function waitFor<T>(probe: () => Promise<T | null>, timeoutMs = 30_000, explain?: () => Promise<string>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting${explain ? `:\n${await explain()}` : ''}`);
    await sleep(200);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
