/**
 * The admin's impact preview (POST /api/policies/preview-impact) over one account's 1,000 open tickets (plus 200
 * solved ones it must skip), each with a 24-event history, on SQLite and PostgreSQL, through the real server
 * (`inject`). Side by side in the same run with the peer way of reading the tickets: one history query per ticket
 * (as the sidebar route reads its one ticket), then the same two assessments and comparison.
 *
 *   npx tsx bench/impact-preview.bench.ts [openTickets=1000]
 *
 * A fresh database each run (SQLite in a temp folder, PostgreSQL database `sla_bench_impact`). Goal: < 2 s per call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { Client } from 'pg';
import pino from 'pino';
import { assessTicket, compareImpact, snapshotAt, type PolicyTarget, type TicketEvent } from '../src/core';
import type { DatabaseConfig } from '../src/server/config';
import { loadConfig } from '../src/server/config';
import { buildHttpServer } from '../src/server/http/build-http-server';
import { accountPolicies, accountScheduleSpecs, compileSchedules } from '../src/server/http/routes/policies-in-force';
import { openStore } from '../src/server/store/open-store';
import type { SlaStore } from '../src/server/store/sla-store';
import { seededRandom } from './support/measure';

const OPEN = Number(process.argv[2] ?? 1000);
const SOLVED = Math.round(OPEN / 5);
const NOW = Date.UTC(2026, 2, 2, 12, 0, 0);
const SECRET = 'bench-app-shared-secret-long-enough-for-hs256';
const KEY = { bytes: Buffer.alloc(32, 7) };
const pgUrl = (db: string) => `postgres://${encodeURIComponent(process.env.PGUSER ?? 'postgres')}@${process.env.PGHOST ?? '127.0.0.1'}:${process.env.PGPORT ?? '5432'}/${db}`;

const targets = (urgentMinutes: number): PolicyTarget[] => [
  { metric: 'first_reply_time', priority: 'urgent', targetMinutes: urgentMinutes, hours: 'calendar' },
  { metric: 'first_reply_time', priority: 'any', targetMinutes: 480, hours: 'calendar' },
  { metric: 'next_reply_time', priority: 'any', targetMinutes: 240, hours: 'calendar' },
  { metric: 'requester_wait_time', priority: 'any', targetMinutes: 2880, hours: 'calendar' },
];

/** Created within the last two days; requester and agent take turns, with a pending spell; solved ones end solved. */
function historyOf(ticketId: string, random: () => number, solved: boolean): TicketEvent[] {
  const priorities = ['low', 'normal', 'high', 'urgent'] as const;
  let at = NOW - Math.floor(random() * 2 * 86_400_000) - 3_600_000;
  const events: TicketEvent[] = [{ type: 'created', at, ticket: { id: ticketId, status: 'open', priority: priorities[Math.floor(random() * 4)] ?? 'normal', type: null, groupId: 'g1', assigneeId: null, brandId: null, organizationId: null, ticketFormId: null, requesterEmail: 'ana@example.com', tags: [], via: 'email', customFields: {} } }];
  const step = () => (at += Math.floor(random() * 60_000 * 30) + 60_000);
  for (let i = 0; i < 10; i++) {
    events.push({ type: 'comment', at: step(), public: true, authorRole: i % 2 === 0 ? 'end_user' : 'agent' });
    if (i === 4) events.push({ type: 'status_changed', at: step(), from: 'open', to: 'pending' }, { type: 'status_changed', at: step(), from: 'pending', to: 'open' });
  }
  if (solved) events.push({ type: 'status_changed', at: step(), from: 'open', to: 'solved' });
  while (events.length < 24) events.push({ type: 'tags_changed', at: step(), added: [`t${events.length}`], removed: [] });
  return events.map((e) => ({ ...e, at: Math.min(e.at, NOW - 1) }));
}

async function database(dialect: 'sqlite' | 'postgres'): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (dialect === 'sqlite') {
    const folder = mkdtempSync(join(tmpdir(), 'sla-bench-impact-'));
    return { config: { kind: 'sqlite', file: join(folder, 'sla.db') }, drop: async () => rmSync(folder, { recursive: true, force: true }) };
  }
  const admin = new Client({ connectionString: pgUrl('postgres') });
  await admin.connect();
  await admin.query('drop database if exists sla_bench_impact with (force)');
  await admin.query('create database sla_bench_impact');
  await admin.end();
  return { config: { kind: 'postgres', url: pgUrl('sla_bench_impact') }, drop: async () => undefined };
}

async function seed(store: SlaStore): Promise<{ accountId: string; subdomain: string; policyId: string }> {
  const account = await store.saveAccount({ subdomain: 'bench', credentials: { kind: 'sandbox' }, webhookSecret: null, appSharedSecret: SECRET, now: NOW - 86_400_000 * 3 });
  const saved = await store.savePolicy({ accountId: account.id, body: { title: 'Standard', description: '', active: true, filter: { all: [], any: [] }, targets: targets(60) }, authorId: null, now: NOW - 86_400_000 * 3 });
  if (saved.kind !== 'saved') throw new Error(saved.kind);
  const random = seededRandom(42);
  for (let i = 1; i <= OPEN + SOLVED; i++) {
    const ticketId = String(1000 + i);
    const history = historyOf(ticketId, random, i > OPEN);
    await store.appendTicketEvents({ accountId: account.id, ticketId, events: history.map((event, k) => ({ sourceId: `b:${k}`, event })) });
    await store.enqueueWebhook({ accountId: account.id, invocationId: `b:${ticketId}`, ticketId, rawBody: '{}', receivedAt: NOW - 1000 });
  }
  for (let claimed = 1; claimed > 0; ) {
    const claims = await store.claimInboxBatch({ owner: 'seed', now: NOW - 1000, leaseMs: 60_000, limit: 500 });
    for (const c of claims) await store.completeInbox({ owner: 'seed', accountId: c.accountId, ticketId: c.ticketId, deliveryIds: c.deliveries.map((d) => d.id), now: NOW - 1000 });
    claimed = claims.length;
  }
  return { accountId: account.id, subdomain: account.subdomain, policyId: saved.value.id };
}

/** The peer: one history query per ticket, then the same core work as the route. */
async function peerImpact(store: SlaStore, accountId: string, draft: Parameters<typeof assessTicket>[0]['policies']): Promise<number> {
  const [current, specs] = await Promise.all([accountPolicies(store, accountId), accountScheduleSpecs(store, accountId)]);
  const schedules = compileSchedules(specs);
  const { ticketIds } = await store.listOpenTicketIds(accountId, 1000);
  let changes = 0;
  for (const ticketId of ticketIds) {
    const history = (await store.listTicketEvents(accountId, ticketId)).map((s) => s.event);
    const ticket = snapshotAt(history, NOW);
    const before = assessTicket({ ticket, history, policies: current, schedules, now: NOW });
    const after = assessTicket({ ticket, history, policies: draft, schedules, now: NOW });
    changes += compareImpact(before, after).length;
  }
  return changes;
}

async function median(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)] as number;
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const db = await database(dialect);
  const store = await openStore({ database: db.config, encryptionKey: KEY });
  const { accountId, subdomain, policyId } = await seed(store);
  const config = loadConfig({});
  if (!config.ok) throw new Error('config');
  const app = await buildHttpServer({ config: config.value, store, clock: { now: () => NOW }, log: pino({ level: 'silent' }) });
  const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(subdomain).setSubject('1').setExpirationTime(Math.floor(NOW / 1000) + 3600).sign(new TextEncoder().encode(SECRET));
  const draft = [{ id: policyId, position: 1, title: 'Standard', description: '', active: true, filter: { all: [], any: [] }, targets: targets(30) }];
  const call = () => app.inject({ method: 'POST', url: '/api/policies/preview-impact', headers: { authorization: `Bearer ${jwt}` }, payload: { policies: draft } });
  const answer = (await call()).json() as { scanned: number; changes: unknown[]; truncated: boolean };
  const peerChanges = await peerImpact(store, accountId, draft);
  if (answer.scanned !== OPEN || answer.changes.length !== peerChanges) throw new Error(`${dialect}: route scanned ${answer.scanned}, ${answer.changes.length} changes; peer ${peerChanges}`);
  const route = await median(5, call);
  const peer = await median(5, () => peerImpact(store, accountId, draft));
  console.log(`\n${dialect}: ${OPEN} open + ${SOLVED} solved tickets, 24 events each; ${answer.changes.length} changes`);
  console.log(`  preview-impact route (histories in chunks)   ${route.toFixed(0).padStart(6)} ms   ${(peer / route).toFixed(2)}x the peer`);
  console.log(`  peer: one history query per ticket           ${peer.toFixed(0).padStart(6)} ms   1.00x`);
  await app.close();
  await store.close();
  await db.drop();
}

async function main(): Promise<void> {
  for (const dialect of ['sqlite', 'postgres'] as const) await bench(dialect);
}

void main();
