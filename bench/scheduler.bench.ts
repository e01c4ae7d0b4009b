/**
 * The scheduler with 1,000,000 open tickets in PostgreSQL (issue #3: breach written ≤ 5 s after it is due, memory
 * flat). One account with 1,000,000 `ticket_states` rows whose next checks are spread over the next 24 hours
 * (bulk-inserted server side), plus 1,500 tickets with a real history whose first reply target (60 calendar
 * minutes) runs out one after another during a 60-second window. The server's own loops (`startPipeline`:
 * scheduler every 1 s in batches of 20; write-back every 250 ms, up to 100 claimed, 8 at once, as in production)
 * run on the real clock and write each breach (status field, `sla_out_first_reply_time` tag) to a Zendesk
 * emulator in a child process, so this process's memory is the server's alone. The emulator's rate limits are
 * lifted: the 1,500 breaches stand for many accounts' (one account may update 100 tickets a minute).
 *
 *   npx tsx bench/scheduler.bench.ts [idleTickets=1000000] [dueTickets=1500] [windowSeconds=60]
 *
 * PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:5432 postgres), database `sla_bench_scheduler`, dropped
 * and created each run. Reports the claim query's plan and latency, the lag from due time to breach processed and
 * to breach written in Zendesk (p50/p99/max), and RSS/heap sampled every 500 ms (and after a full GC every 5 s)
 * with their trend.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from 'pg';
import pino from 'pino';
import { assessTicket, snapshotAt, type TicketEvent } from '../src/core';
import { startZendeskEmulator } from '../src/sandbox/emulator';
import { systemClock } from '../src/server/clock';
import { accountPolicies, accountScheduleSpecs, compileSchedules } from '../src/server/http/routes/policies-in-force';
import { slaWriteback } from '../src/server/pipeline/sla-writeback';
import { startPipeline } from '../src/server/pipeline/start-pipeline';
import { openStore } from '../src/server/store/open-store';
import type { SlaStore, ZendeskSetup } from '../src/server/store/sla-store';
import { insertDueTickets, insertIdleTicketStates, type DueTicketRow } from './support/bulk-ticket-states';

const IDLE = Number(process.argv[2] ?? 1_000_000);
const DUE = Number(process.argv[3] ?? 1_500);
const WINDOW_MS = Number(process.argv[4] ?? 60) * 1000;
const GOAL_LAG_MS = 5_000;
const DATABASE = 'sla_bench_scheduler';
const pgUrl = (db: string) => `postgres://${encodeURIComponent(process.env.PGUSER ?? 'postgres')}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${db}`;

// ---- the emulator, in a child process ------------------------------------------------------------------------------

interface EmulatorReady {
  readonly url: string;
  readonly installationId: string;
  readonly fieldIds: Record<string, string>;
  readonly tickets: { id: number; updatedAt: string }[];
}

async function serveEmulator(tickets: number): Promise<void> {
  const limit = 1_000_000_000;
  const emulator = await startZendeskEmulator({ rateLimits: { accountPerMinute: limit, ticketUpdatesPerMinute: limit, ticketUpdatesPerTicketPerUser: limit }, closeSolvedTickets: false });
  const requirements = JSON.parse(readFileSync(join(__dirname, '..', 'requirements.json'), 'utf8'));
  const installation = emulator.admin.installApp(requirements, { appName: 'SLA Clock' });
  const fieldIds = Object.fromEntries(installation.requirements.filter((r) => r.requirementType === 'ticket_fields').map((r) => [r.identifier, String(r.requirementId)]));
  const auth = `Basic ${Buffer.from('admin@sandbox.test/token:sandbox-api-token').toString('base64')}`;
  const created: { id: number; updatedAt: string }[] = [];
  for (let i = 0; i < tickets; i++) {
    const response = await fetch(`${emulator.url}/api/v2/tickets.json`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ ticket: { subject: `Waiting ${i}`, comment: { body: 'Hello?' }, group_id: 20001 } }),
    });
    const body = (await response.json()) as { ticket: { id: number; updated_at: string } };
    created.push({ id: body.ticket.id, updatedAt: body.ticket.updated_at });
  }
  process.on('message', (message) => {
    if (message === 'breached') {
      const count = [...emulator.state.tickets.values()].filter((t) => t.tags.includes('sla_out_first_reply_time')).length;
      process.send?.({ breached: count });
    }
  });
  process.on('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.send?.({ url: emulator.url, installationId: String(installation.id), fieldIds, tickets: created } satisfies EmulatorReady);
}

function startEmulatorChild(tickets: number): Promise<{ child: ChildProcess; ready: EmulatorReady }> {
  const child = fork(__filename, ['--emulator', String(tickets)], { execArgv: process.execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as EmulatorReady }));
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
}

const ask = <T>(child: ChildProcess, message: string): Promise<T> =>
  new Promise((resolve) => {
    child.once('message', (answer) => resolve(answer as T));
    child.send(message);
  });

// ---- setup ---------------------------------------------------------------------------------------------------------

async function freshDatabase(): Promise<void> {
  const admin = new Client({ connectionString: pgUrl('postgres') });
  await admin.connect();
  await admin.query(`drop database if exists ${DATABASE} with (force)`);
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
}

/** The account (saved again with the emulator's URL and the app's fields), and one calendar-hours policy. */
async function connectAccount(store: SlaStore, emulator: EmulatorReady): Promise<{ accountId: string; setup: ZendeskSetup }> {
  const now = Date.now();
  const account = await store.saveAccount({
    subdomain: 'bench',
    credentials: { kind: 'api_token', email: 'admin@sandbox.test', token: 'sandbox-api-token' },
    webhookSecret: null,
    appSharedSecret: null,
    zendeskUrl: emulator.url,
    now,
  });
  const setup: ZendeskSetup = { installationId: emulator.installationId, fieldIds: emulator.fieldIds, webhookId: null, notifyTriggerId: null, emailTriggerIds: {}, checkedAt: now };
  await store.saveZendeskSetup(account.id, setup);
  const saved = await store.savePolicy({
    accountId: account.id,
    body: { title: 'Standard', description: '', active: true, filter: { all: [], any: [] }, targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'calendar' }] },
    authorId: null,
    now,
  });
  if (saved.kind !== 'saved') throw new Error(saved.kind);
  return { accountId: account.id, setup };
}

const dueTimeOf = (firstDue: number, i: number, count: number) => Math.round(firstDue + ((i + 0.5) * WINDOW_MS) / count);

/** Each ticket was created 60 minutes before its due time and assessed a second later, as the server would have. */
async function dueTicketRows(store: SlaStore, accountId: string, setup: ZendeskSetup, emulator: EmulatorReady, firstDue: number): Promise<DueTicketRow[]> {
  const policies = await accountPolicies(store, accountId);
  const schedules = compileSchedules(await accountScheduleSpecs(store, accountId));
  return emulator.tickets.map(({ id, updatedAt }, i) => {
    const due = dueTimeOf(firstDue, i, emulator.tickets.length);
    const createdAt = due - 60 * 60_000;
    const created: TicketEvent = {
      type: 'created',
      at: createdAt,
      ticket: { id: String(id), status: 'open', priority: 'normal', type: null, groupId: '20001', assigneeId: null, brandId: null, organizationId: null, ticketFormId: null, requesterEmail: 'carol@customer.test', tags: [], via: 'email', customFields: {} },
    };
    const history = [created];
    const assessment = assessTicket({ ticket: snapshotAt(history, createdAt + 1000), history, policies, schedules, now: createdAt + 1000 });
    if (assessment.nextCheckAt !== due) throw new Error(`ticket ${id}: next check ${assessment.nextCheckAt}, expected the due time ${due}`);
    return {
      ticketId: String(id),
      assessment: JSON.stringify(assessment),
      shown: JSON.stringify(slaWriteback(assessment, setup)),
      policyId: policies[0]?.id ?? '',
      nextCheckAt: due,
      zendeskUpdatedAt: Date.parse(updatedAt),
      createdEvent: JSON.stringify(created),
      createdAt,
    };
  });
}

// ---- measuring -----------------------------------------------------------------------------------------------------

/** The SELECT of `claimDueTickets` (ticket-store.ts), as Kysely sends it to PostgreSQL. */
const CLAIM_SQL = `select account_id, ticket_id, next_check_at from ticket_states
  where next_check_at <= $1 and (lease_until is null or lease_until <= $1)
  order by next_check_at, ticket_id limit 20 for update skip locked`;

async function claimPlan(pg: Client, now: number): Promise<{ plan: string[]; ms: number }> {
  await pg.query('begin');
  try {
    const result = await pg.query(`explain (analyze, buffers) ${CLAIM_SQL}`, [now]);
    const plan = result.rows.map((r: Record<string, string>) => r['QUERY PLAN'] as string);
    const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
    return { plan, ms };
  } finally {
    await pg.query('rollback');
  }
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
function summary(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? NaN };
}

/** Least-squares slope of y over x. */
function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** A full collection on demand (what `--expose-gc` gives), so that what the heap retains is told from garbage not yet collected. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

interface MemorySample {
  readonly t: number;
  readonly rss: number;
  readonly heap: number;
}

/** Samples every 500 ms; every tenth sample comes after a full GC and goes to `retained` instead. */
function sampleMemory(since: number): { samples: MemorySample[]; retained: MemorySample[]; stop(): void } {
  const gc = fullGc();
  const samples: MemorySample[] = [];
  const retained: MemorySample[] = [];
  let tick = 0;
  const timer = setInterval(() => {
    const afterGc = ++tick % 10 === 0;
    if (afterGc) gc();
    const m = process.memoryUsage();
    (afterGc ? retained : samples).push({ t: (Date.now() - since) / 1000, rss: m.rss, heap: m.heapUsed });
  }, 500);
  return { samples, retained, stop: () => clearInterval(timer) };
}

interface RunResult {
  readonly processedAt: Map<string, number>;
  readonly writtenAt: Map<string, number>;
  readonly claims: { ms: number; rows: number }[];
  readonly writebackClaims: { ms: number; rows: number }[];
  readonly samples: MemorySample[];
  readonly retained: MemorySample[];
  readonly seconds: number;
}

/** The server's loops until every due ticket's breach is written (or 30 s after the last was due), then 2 s more. */
async function runServerLoops(store: SlaStore, lastDue: number): Promise<RunResult> {
  const claims: { ms: number; rows: number }[] = [];
  const writebackClaims: { ms: number; rows: number }[] = [];
  const timedStore: SlaStore = {
    ...store,
    claimDueTickets: async (input) => {
      const t = performance.now();
      const due = await store.claimDueTickets(input);
      claims.push({ ms: performance.now() - t, rows: due.length });
      return due;
    },
    claimWritebacks: async (input) => {
      const t = performance.now();
      const claimed = await store.claimWritebacks(input);
      writebackClaims.push({ ms: performance.now() - t, rows: claimed.length });
      return claimed;
    },
  };
  const processedAt = new Map<string, number>();
  const writtenAt = new Map<string, number>();
  const started = Date.now();
  const memory = sampleMemory(started);
  const loops = startPipeline(
    { store: timedStore, clock: systemClock, log: pino({ level: 'warn' }), leaseOwner: 'bench-server' },
    {
      reconcileIntervalMs: 0,
      events: {
        transitions: (_account, ticketId, transitions) => {
          if (transitions.some((t) => t.kind === 'breached')) processedAt.set(ticketId, Date.now());
        },
        written: (_accountId, ticketId) => void writtenAt.set(ticketId, Date.now()),
      },
    },
  );
  while (writtenAt.size < DUE && Date.now() < lastDue + 30_000) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  memory.stop();
  await Promise.all(loops.map((loop) => loop.stop()));
  return { processedAt, writtenAt, claims, writebackClaims, samples: memory.samples, retained: memory.retained, seconds: (Date.now() - started) / 1000 };
}

async function bench(): Promise<void> {
  const setupStarted = performance.now();
  await freshDatabase();
  const store = await openStore({ database: { kind: 'postgres', url: pgUrl(DATABASE) }, encryptionKey: { bytes: Buffer.alloc(32, 7) } });
  const pg = new Client({ connectionString: pgUrl(DATABASE) });
  await pg.connect();
  const emulatorStarting = startEmulatorChild(DUE);
  let child: ChildProcess | null = null;
  try {
    // The account row first (the states reference it); its Zendesk URL and setup follow once the emulator is up.
    const placeholder = await store.saveAccount({ subdomain: 'bench', credentials: { kind: 'sandbox' }, webhookSecret: null, appSharedSecret: null, now: Date.now() });
    const insertStarted = performance.now();
    await insertIdleTicketStates(pg, { accountId: placeholder.id, count: IDLE, from: Date.now() + 10 * 60_000, spanMs: 24 * 3_600_000, firstTicketId: 10_000_000 });
    await pg.query('analyze ticket_states');
    const insertSeconds = (performance.now() - insertStarted) / 1000;

    const idlePlan = await claimPlan(pg, Date.now());
    const backlogPlan = await claimPlan(pg, Date.now() + 25 * 3_600_000);
    const idleClaims: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      await store.claimDueTickets({ owner: 'probe', now: Date.now(), leaseMs: 60_000, limit: 20 });
      idleClaims.push(performance.now() - t);
    }

    const running = await emulatorStarting;
    child = running.child;
    const emulator = running.ready;
    const { accountId, setup } = await connectAccount(store, emulator);
    if (accountId !== placeholder.id) throw new Error('the account changed');
    const firstDue = Date.now() + 3_000;
    await insertDueTickets(pg, accountId, await dueTicketRows(store, accountId, setup, emulator, firstDue), Date.now());
    const setupSeconds = (performance.now() - setupStarted) / 1000;

    const run = await runServerLoops(store, firstDue + WINDOW_MS);
    const inZendesk = (await ask<{ breached: number }>(child, 'breached')).breached;
    const dueAt = new Map(emulator.tickets.map((t, i) => [String(t.id), dueTimeOf(firstDue, i, emulator.tickets.length)] as const));
    report({ run, dueAt, firstDue, inZendesk, insertSeconds, setupSeconds, idlePlan, backlogPlan, idleClaims });
  } finally {
    await pg.end();
    await store.close();
    child?.disconnect();
    const admin = new Client({ connectionString: pgUrl('postgres') });
    await admin.connect();
    await admin.query(`drop database if exists ${DATABASE} with (force)`);
    await admin.end();
  }
}

function report(input: {
  run: RunResult;
  dueAt: Map<string, number>;
  firstDue: number;
  inZendesk: number;
  insertSeconds: number;
  setupSeconds: number;
  idlePlan: { plan: string[]; ms: number };
  backlogPlan: { plan: string[]; ms: number };
  idleClaims: number[];
}): void {
  const { run, dueAt } = input;
  const lag = (at: Map<string, number>) => summary([...at].map(([id, t]) => t - (dueAt.get(id) as number)));
  const processed = lag(run.processedAt);
  const written = lag(run.writtenAt);
  const busyClaims = summary(run.claims.filter((c) => c.rows > 0).map((c) => c.ms));
  const emptyClaims = summary(run.claims.filter((c) => c.rows === 0).map((c) => c.ms));
  const writebackClaims = summary(run.writebackClaims.filter((c) => c.rows > 0).map((c) => c.ms));
  const queued = summary([...run.writtenAt].flatMap(([id, t]) => (run.processedAt.has(id) ? [t - (run.processedAt.get(id) as number)] : [])));
  const idle = summary(input.idleClaims);
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
  const count = (n: number) => n.toLocaleString('en-US');
  const processedTimes = [...run.processedAt.values()];
  const throughput = processedTimes.length / ((Math.max(...processedTimes) - input.firstDue) / 1000);
  const trend = (points: readonly MemorySample[], pick: (s: MemorySample) => number) => {
    const perMinute = slope(points.filter((p) => p.t >= 5).map((p) => ({ x: p.t / 60, y: mb(pick(p)) })));
    return `${perMinute >= 0 ? '+' : ''}${perMinute.toFixed(1)} MB/min`;
  };
  const range = (points: readonly MemorySample[], pick: (s: MemorySample) => number) =>
    `${mb(Math.min(...points.map(pick))).toFixed(0)}–${mb(Math.max(...points.map(pick))).toFixed(0)} MB`;

  console.log(`PostgreSQL, ${count(IDLE + DUE)} open tickets in ticket_states: ${count(IDLE)} with checks spread over the next 24 h (inserted in ${input.insertSeconds.toFixed(1)} s), ${DUE} due within ${WINDOW_MS / 1000} s; setup ${input.setupSeconds.toFixed(1)} s, run ${run.seconds.toFixed(1)} s`);
  console.log('\nclaim query (claimDueTickets: limit 20, FOR UPDATE SKIP LOCKED):');
  for (const [label, plan] of [['nothing due', input.idlePlan], [`all ${count(IDLE)} due (after a day's downtime)`, input.backlogPlan]] as const) {
    console.log(`  plan, ${label}: ${plan.ms.toFixed(3)} ms in the server`);
    for (const line of plan.plan) console.log(`    ${line}`);
  }
  console.log(`  claimDueTickets round trip, nothing due:      p50 ${ms(idle.p50)}   p99 ${ms(idle.p99)}   max ${ms(idle.max)}   (${idle.n} calls)`);
  console.log(`  during the run, claims that found work:     p50 ${ms(busyClaims.p50)}   p99 ${ms(busyClaims.p99)}   max ${ms(busyClaims.max)}   (${busyClaims.n} calls)`);
  console.log(`  during the run, claims that found none:     p50 ${ms(emptyClaims.p50)}   p99 ${ms(emptyClaims.p99)}   max ${ms(emptyClaims.max)}   (${emptyClaims.n} calls)`);
  console.log('\nlag after the due time (scheduler every 1 s, write-back every 250 ms):');
  console.log(`  breach processed (recorded, write queued)   p50 ${ms(processed.p50)}   p99 ${ms(processed.p99)}   max ${ms(processed.max)}   (${processed.n}/${DUE} tickets)`);
  console.log(`  breach written in Zendesk                   p50 ${ms(written.p50)}   p99 ${ms(written.p99)}   max ${ms(written.max)}   (${written.n}/${DUE}; goal ≤ ${GOAL_LAG_MS} ms: max is ${(written.max / GOAL_LAG_MS).toFixed(2)}x the goal)`);
  console.log(`  of which queued → written (write-back)     p50 ${ms(queued.p50)}   p99 ${ms(queued.p99)}   max ${ms(queued.max)}`);
  console.log(`  claimWritebacks that found work:            p50 ${ms(writebackClaims.p50)}   p99 ${ms(writebackClaims.p99)}   max ${ms(writebackClaims.max)}   (${writebackClaims.n} calls, ${(DUE / Math.max(1, writebackClaims.n)).toFixed(1)} writes per claim)`);
  console.log(`  tickets the emulator shows with sla_out_first_reply_time: ${input.inZendesk}/${DUE}`);
  console.log(`  throughput: ${throughput.toFixed(1)} breaches processed per second while ${(DUE / (WINDOW_MS / 1000)).toFixed(1)} per second fell due`);
  console.log('\nmemory of the server process over the run (trend: least-squares slope after the first 5 s):');
  console.log(`  RSS                          ${range(run.samples, (s) => s.rss)}   trend ${trend(run.samples, (s) => s.rss)}   (${run.samples.length} samples, every 500 ms)`);
  console.log(`  heap used                    ${range(run.samples, (s) => s.heap)}   trend ${trend(run.samples, (s) => s.heap)}`);
  console.log(`  heap used after a full GC    ${range(run.retained, (s) => s.heap)}   trend ${trend(run.retained, (s) => s.heap)}   (${run.retained.length} samples, every 5 s)`);
  console.log(`  RSS after a full GC          ${range(run.retained, (s) => s.rss)}   trend ${trend(run.retained, (s) => s.rss)}`);
  console.log(`  after a full GC, every 5 s: heap ${run.retained.map((s) => mb(s.heap).toFixed(0)).join(' ')} MB; RSS ${run.retained.map((s) => mb(s.rss).toFixed(0)).join(' ')} MB`);
}

const emulatorAt = process.argv.indexOf('--emulator');
if (emulatorAt >= 0) void serveEmulator(Number(process.argv[emulatorAt + 1]));
else
  void bench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
