/**
 * Zendesk API calls per 100 ticket events on a realistic mix (issue #3: goal ≤ 10 writes per 100 events).
 *
 * The real server and pipeline (as spec/server/pipeline/pipeline.spec.ts runs them: webhook → inbox → read →
 * core → write-back, scheduler) against the Zendesk emulator with the app installed from requirements.json, on
 * SQLite. A seeded Monday (09:00–17:00 Warsaw, office hours Mon–Fri 09–17): customers create tickets and write
 * back, agents reply in public and in notes, change priority and status, edit tags, five events a ticket; between
 * events the clock runs on through every due time, warning and write-back window end the server waits for. Calls
 * are counted on the emulator's side (`admin.apiRequestCounts()`): the people's calls are made as an agent, the
 * server's as its own user, so each is told apart by its caller.
 *
 *   npx tsx bench/api-calls.bench.ts [desks=20@7,100@7,1200@3] [windows=0,30]
 *
 * One run per desk, `tickets@hours`: that many tickets come in over three quarters of that many hours, five events
 * each (a quiet desk: 20 tickets, 100 events in the day, about one event every 4 minutes; a busier one: 100 tickets;
 * a big team's morning: 1,200 tickets in 3 hours, 6,000 events, about 25 a minute), plus an incident (100 tickets in
 * three minutes, answered by one macro); and per write-back window in seconds (0 writes every change at once; 30 is
 * the server's default, see src/server/pipeline/writeback-window.ts). Side by side: a server that writes once per
 * event and per wake-up. The summary gives writes per 100 events and per minute: an account's writes are bounded by
 * its email slots and windows, so per 100 events they fall as the account gets busier.
 */
import { tokenAuth } from '../spec/sandbox/emulator/support/emulator-fixture';
import { aPipelineWorld, SERVER_USER_EMAIL, type PipelineWorld } from '../spec/server/pipeline/support/pipeline-fixture';
import type { ApiRequestCount } from '../src/sandbox/emulator/http/api-request-counts';
import type { PolicyBody } from '../src/server/store/sla-store';
import { ticketEventMix, type PlannedEvent, type TicketEventKind } from './support/ticket-event-mix';

const list = (arg: string | undefined, fallback: number[]) => (arg ? arg.split(',').map(Number) : fallback);
/** `tickets@hours`: that many tickets come in over three quarters of that many hours from 09:05. */
const DESKS = (process.argv[2] ?? '20@7,100@7,1200@3').split(',').map((desk) => {
  const [tickets, hours] = desk.split('@').map(Number);
  return { tickets: tickets as number, hours: hours ?? 7 };
});
const WINDOWS_S = list(process.argv[3], [0, 30]);
const EVENTS_PER_TICKET = 5;
/** Monday 23 November 2026, 09:00 in Warsaw, when the office opens; the day ends at 17:00 (16:00Z). */
const DAY_START = Date.parse('2026-11-23T08:00:00Z');
const DAY_END = Date.parse('2026-11-23T16:00:00Z');
const GOAL_WRITES_PER_100 = 10;

const policy = (scheduleId: string): PolicyBody => ({
  title: 'Standard',
  description: '',
  active: true,
  filter: { all: [], any: [] },
  targets: [
    { metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId, warnMinutesBefore: 15 },
    { metric: 'first_reply_time', priority: 'urgent', targetMinutes: 30, hours: 'business', scheduleId, warnMinutesBefore: 10 },
    { metric: 'next_reply_time', priority: 'any', targetMinutes: 120, hours: 'business', scheduleId, warnMinutesBefore: 15 },
    { metric: 'requester_wait_time', priority: 'any', targetMinutes: 8 * 60, hours: 'business', scheduleId },
  ],
});

type Cause = TicketEventKind | 'agent_bulk_reply' | 'scheduler_wake_up' | 'writeback_window_end';
/** A bulk edit in the agent interface (a macro on many selected tickets): one update_many, one change per ticket. */
interface BulkReply {
  readonly kind: 'agent_bulk_reply';
  readonly at: number;
  readonly tickets: readonly number[];
}
type Step = PlannedEvent | BulkReply;
interface Tally {
  happened: number;
  writes: number;
  reads: number;
}

/** A ticket write against Zendesk's update budget: Update Ticket, update_many, or a tags call. */
const isWrite = (c: ApiRequestCount) => c.method !== 'GET' && c.route.startsWith('/api/v2/tickets');
const countKey = (c: ApiRequestCount) => `${c.method} ${c.route} ${c.status}`;

class ServerCalls {
  private last = new Map<string, number>();
  constructor(
    private readonly world: PipelineWorld,
    private readonly serverUserId: number,
  ) {
    this.take();
  }
  /** The server's calls since the last take, by `METHOD route status`. */
  take(): Map<string, { call: ApiRequestCount; count: number }> {
    const delta = new Map<string, { call: ApiRequestCount; count: number }>();
    const now = new Map<string, number>();
    for (const c of this.world.zendesk.admin.apiRequestCounts()) {
      if (c.userId !== this.serverUserId && c.userId !== null) continue;
      const key = countKey(c);
      now.set(key, (now.get(key) ?? 0) + c.count);
      const before = this.last.get(key) ?? 0;
      const entry = delta.get(key) ?? { call: c, count: 0 };
      entry.count = (now.get(key) ?? 0) - before;
      delta.set(key, entry);
    }
    this.last = now;
    for (const [key, { count }] of delta) if (count === 0) delta.delete(key);
    return delta;
  }
}

interface Scenario {
  /**
   * `day`: the mix above through the day. `incident`: an outage brings every ticket in within three minutes, and
   * a quarter of an hour later an agent answers them all with one macro (bulk update) and sets them pending.
   */
  readonly shape: 'day' | 'incident';
  readonly tickets: number;
  /** The day's tickets come in over three quarters of this many hours (each one's later events follow it). */
  readonly hours: number;
  readonly events: number;
  readonly windowS: number;
}
interface Outcome {
  readonly scenario: Scenario;
  readonly writes: number;
  readonly singleUpdates: number;
  readonly updateMany: number;
  readonly reads: number;
  readonly wakeUps: number;
  readonly activeMinutes: number;
}

async function main(): Promise<void> {
  const outcomes: Outcome[] = [];
  const scenarios: Omit<Scenario, 'windowS'>[] = [
    ...DESKS.filter((desk) => desk.tickets > 0).map((desk) => ({ shape: 'day' as const, ...desk, events: desk.tickets * EVENTS_PER_TICKET })),
    { shape: 'incident' as const, tickets: 100, hours: 7, events: 200 },
  ];
  for (const shape of scenarios) {
    for (const windowS of WINDOWS_S) {
      const scenario = { ...shape, windowS };
      const world = await aPipelineWorld('sqlite', (scheduleId) => [policy(scheduleId)], { writebackWindowMs: windowS * 1000 });
      try {
        outcomes.push(await play(world, scenario));
      } finally {
        await world.close();
      }
    }
  }
  summarize(outcomes);
}

async function play(world: PipelineWorld, scenario: Scenario): Promise<Outcome> {
  const { tickets: TICKETS, events: EVENTS } = scenario;
  const { zendesk, server } = world;
  zendesk.admin.setTime(new Date(DAY_START).toISOString());
  const customers = Array.from({ length: 8 }, (_, i) => zendesk.admin.addUser({ name: `Customer ${i + 1}`, email: `customer${i + 1}@example.test`, role: 'end-user' }).id);
  // The server calls Zendesk as its own user (the fixture's SERVER_USER_EMAIL); the people as themselves.
  const serverUserId = (await zendesk.call('GET', '/api/v2/users/me', undefined, tokenAuth(SERVER_USER_EMAIL))).body.user.id as number;
  const asAgent = tokenAuth('alice@sandbox.test');
  const plan: Step[] = scenario.shape === 'day' ? ticketEventMix({ tickets: TICKETS, total: EVENTS, start: DAY_START + 5 * 60_000, hours: scenario.hours, agentId: world.agentId }) : incident(TICKETS);
  const zendeskIds: number[] = [];
  const requesters: number[] = [];

  const calls = new ServerCalls(world, serverUserId);
  const byCause = new Map<Cause, Tally>();
  const byCall = new Map<string, number>();
  const book = (cause: Cause, happened = 1) => {
    const tally = byCause.get(cause) ?? { happened: 0, writes: 0, reads: 0 };
    tally.happened += happened;
    for (const [key, { call, count }] of calls.take()) {
      byCall.set(key, (byCall.get(key) ?? 0) + count);
      if (isWrite(call)) tally.writes += count;
      else tally.reads += count;
    }
    byCause.set(cause, tally);
  };

  /**
   * Lets the server finish its work. The clock stands still between the people's events, so when Zendesk answers
   * 429 the server's pause (Retry-After, on the same clock) would never end: let time pass as it would, 10 s at a
   * time, and count the seconds the account spent waiting.
   */
  let rateLimitedSeconds = 0;
  const settleThroughPauses = async () => {
    for (let waits = 0; ; waits++) {
      try {
        return await world.settle(5_000);
      } catch (error) {
        if (waits >= 30 || !zendesk.admin.apiRequestCounts().some((c) => c.status === 429)) throw error;
        zendesk.admin.advanceTime(10_000);
        rateLimitedSeconds += 10;
      }
    }
  };

  /**
   * Runs the clock to `until`, stopping at every instant the server asked to be woken and at every end of a
   * write-back window with writes waiting, and lets it work.
   */
  const runClockTo = async (until: number) => {
    const after = (instant: number | null, now: number) => (instant !== null && instant > now ? instant : Infinity);
    for (let guard = 0; guard < 100_000; guard++) {
      const now = zendesk.clock.now();
      const wakeUp = after(await server.store.earliestDueCheck(), now);
      const windowEnd = after((await server.store.writebackStats()).earliestNotBefore, now);
      const next = Math.min(wakeUp, windowEnd);
      if (!(next <= until)) break;
      zendesk.admin.setTime(new Date(next).toISOString());
      // Every wake-up due by now has been taken and assessed (each assessment moves its ticket's next check on).
      await waitUntil(async () => {
        const earliest = await server.store.earliestDueCheck();
        return earliest === null || earliest > next;
      });
      await settleThroughPauses();
      book(next === wakeUp ? 'scheduler_wake_up' : 'writeback_window_end');
    }
    if (until > zendesk.clock.now()) zendesk.admin.setTime(new Date(until).toISOString());
  };

  const started = performance.now();
  for (const event of plan) {
    await runClockTo(event.at);
    await perform(event);
    await settleThroughPauses();
    book(event.kind, event.kind === 'agent_bulk_reply' ? event.tickets.length : 1);
  }
  await runClockTo(DAY_END);
  const seconds = (performance.now() - started) / 1000;

  async function perform(event: Step): Promise<void> {
    if (event.kind === 'agent_bulk_reply') {
      const ids = event.tickets.map((ticket) => zendeskIds[ticket]).join(',');
      const macro = { comment: { body: 'We are on it: the outage is being fixed.', public: true, author_id: world.agentId }, status: 'pending' };
      const reply = await zendesk.call('PUT', `/api/v2/tickets/update_many.json?ids=${ids}`, { ticket: macro }, asAgent);
      if (reply.status !== 200) throw new Error(`bulk reply: ${reply.status} ${JSON.stringify(reply.body)}`);
      const jobId = reply.body.job_status.id as string;
      await waitUntil(async () => (await zendesk.call('GET', `/api/v2/job_statuses/${jobId}.json`, undefined, asAgent)).body.job_status.status === 'completed');
      return;
    }
    if (event.kind === 'customer_creates') {
      const requester = customers[event.ticket % customers.length] as number;
      const reply = await zendesk.call(
        'POST',
        '/api/v2/tickets.json',
        { ticket: { ...event.body, requester_id: requester, assignee_id: world.agentId, group_id: 20001, comment: { body: 'Hello, I need help.', author_id: requester } } },
        asAgent,
      );
      if (reply.status !== 201) throw new Error(`create: ${reply.status} ${JSON.stringify(reply.body)}`);
      zendeskIds[event.ticket] = reply.body.ticket.id as number;
      requesters[event.ticket] = requester;
      return;
    }
    const id = zendeskIds[event.ticket];
    const body = event.kind === 'customer_follow_up' ? { comment: { body: 'Any news?', public: true, author_id: requesters[event.ticket] } } : event.body;
    const reply = await zendesk.call('PUT', `/api/v2/tickets/${id}.json`, { ticket: body }, asAgent);
    // A closed ticket refuses updates (422); not on a one-day run, but say so rather than count a phantom event.
    if (reply.status !== 200) throw new Error(`${event.kind} on ticket ${id}: ${reply.status} ${JSON.stringify(reply.body)}`);
  }

  const activeMinutes = ((plan[plan.length - 1]?.at ?? 0) - (plan[0]?.at ?? 0)) / 60_000;
  return report({ scenario, byCause, byCall, seconds, rateLimitedSeconds, activeMinutes, webhookDeliveries: zendesk.admin.webhookAttempts().length });
}

/** The incident: every ticket within three minutes of 09:05, then one macro on them all at 09:20. */
function incident(tickets: number): Step[] {
  const start = DAY_START + 5 * 60_000;
  const creations: PlannedEvent[] = Array.from({ length: tickets }, (_, ticket) => ({
    at: start + Math.floor((ticket * 3 * 60_000) / tickets),
    ticket,
    kind: 'customer_creates',
    body: { subject: 'Cannot log in', priority: 'high' },
  }));
  return [...creations, { kind: 'agent_bulk_reply', at: start + 15 * 60_000, tickets: creations.map((c) => c.ticket) }];
}

function report(input: {
  scenario: Scenario;
  byCause: Map<Cause, Tally>;
  byCall: Map<string, number>;
  seconds: number;
  rateLimitedSeconds: number;
  /** From the people's first event to their last. */
  activeMinutes: number;
  webhookDeliveries: number;
}): Outcome {
  const { byCause, byCall, scenario } = input;
  const { tickets: TICKETS } = scenario;
  const events = [...byCause].filter(([cause]) => cause !== 'scheduler_wake_up' && cause !== 'writeback_window_end').reduce((n, [, t]) => n + t.happened, 0);
  const total = (pick: (t: Tally) => number) => [...byCause.values()].reduce((n, t) => n + pick(t), 0);
  const writes = total((t) => t.writes);
  const reads = total((t) => t.reads);
  const wakeUps = byCause.get('scheduler_wake_up')?.happened ?? 0;
  const windowEnds = byCause.get('writeback_window_end')?.happened ?? 0;
  const callsOf = (prefix: string) => [...byCall].filter(([key]) => key.startsWith(prefix)).reduce((n, [, count]) => n + count, 0);
  const per100 = (n: number) => (n * 100) / events;
  const fmt = (n: number) => n.toFixed(1).padStart(6);

  console.log(`\n${scenario.shape}: ${events} ticket events on ${TICKETS} tickets (${(events / Math.max(1, input.activeMinutes)).toFixed(1)} a minute), Mon 09:00–17:00 Warsaw, write-back window ${scenario.windowS} s, ${wakeUps} scheduler wake-ups, ${windowEnds} window ends with writes waiting; SQLite; ${input.seconds.toFixed(1)} s`);
  console.log('Zendesk API calls by the server, counted by the emulator:');
  console.log(`  ticket writes         ${fmt(per100(writes))} per 100 events   (${writes} in all; goal ≤ ${GOAL_WRITES_PER_100}: ${(per100(writes) / GOAL_WRITES_PER_100).toFixed(1)}x the goal)`);
  console.log(`  reads                 ${fmt(per100(reads))} per 100 events   (${reads} in all)`);
  console.log(`  all calls             ${fmt(per100(writes + reads))} per 100 events`);
  if (input.rateLimitedSeconds > 0) console.log(`  Zendesk answered 429: the server waited out Retry-After, ${input.rateLimitedSeconds} s of clock time`);
  console.log(`  peer: a write per event and per wake-up   ${fmt(per100(events + wakeUps))} writes per 100 events   ours ${(writes / (events + wakeUps)).toFixed(2)}x of it`);
  const echoes = input.webhookDeliveries - events;
  console.log(`  webhook deliveries to the server: ${input.webhookDeliveries}: the people's ${events} events and ${echoes} echoes of our own writes`);
  console.log('    (an echo of a write that changed only our fields and tags is assessed from the stored history, with no read)');
  console.log('\n  calls by route (status)');
  for (const [key, count] of [...byCall].sort((a, b) => b[1] - a[1])) console.log(`    ${key.padEnd(46)} ${String(count).padStart(5)}`);
  console.log('\n  by cause                  count   writes  writes/each   reads  reads/each');
  for (const [cause, t] of [...byCause].sort((a, b) => b[1].writes - a[1].writes)) {
    console.log(`    ${cause.padEnd(22)} ${String(t.happened).padStart(6)} ${String(t.writes).padStart(8)} ${(t.writes / t.happened).toFixed(2).padStart(12)} ${String(t.reads).padStart(7)} ${(t.reads / t.happened).toFixed(2).padStart(11)}`);
  }
  return { scenario, writes, reads, wakeUps, activeMinutes: input.activeMinutes, singleUpdates: callsOf('PUT /api/v2/tickets/:id '), updateMany: callsOf('PUT /api/v2/tickets/update_many ') };
}

function summarize(outcomes: readonly Outcome[]): void {
  console.log('\nSummary, per 100 ticket events (goal: ≤ 10 writes)');
  console.log('  shape      tickets  events  events/min  window   writes  (single updates + update_many)   reads   peer writes   writes/min');
  for (const o of outcomes) {
    const per100 = (n: number) => ((n * 100) / o.scenario.events).toFixed(1);
    const perMinute = (n: number) => (n / Math.max(1, o.activeMinutes)).toFixed(1);
    console.log(
      `  ${o.scenario.shape.padEnd(9)}${String(o.scenario.tickets).padStart(7)} ${String(o.scenario.events).padStart(7)} ${perMinute(o.scenario.events).padStart(11)} ${`${o.scenario.windowS} s`.padStart(7)} ${per100(o.writes).padStart(8)}  (${per100(o.singleUpdates)} + ${per100(o.updateMany)})`.padEnd(91) +
        `${per100(o.reads).padStart(6)} ${per100(o.scenario.events + o.wakeUps).padStart(12)} ${perMinute(o.writes).padStart(12)}`,
    );
  }
  console.log('  (per minute: over the span from the people\'s first event to their last)');
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('the server did not process its due checks in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
