/**
 * Backtest throughput: tickets replayed per CPU-second, each under the current rules and a draft (two assessments
 * plus the records and the comparison bookkeeping), side by side in the same run with one plain `assessTicket`
 * per ticket (what the server pays to assess a ticket once), as a ratio. Then the whole `sla backtest --policies`
 * path from stored histories in SQLite, as Simulate runs it (list the period's tickets, read histories 100 tickets
 * per query, replay under both rule sets, compare), per CPU-second of this process (`process.cpuUsage`: user +
 * system, so a busy machine does not count against it, and work on other threads would count) and per wall-clock
 * second; then the same with `--verify`, which also reads the stored records and checks the reproduction.
 *
 *   npx tsx bench/backtest.bench.ts [tickets=20000]
 *
 * Histories are the generated month of spec/support/generated-tickets.ts: 10–20 events each, three policies
 * (urgent and VIP on Europe/Warsaw business hours, a calendar catch-all). The store holds what the server pipeline
 * would have recorded for each (assessed at its last event), so the reproduction check compares real records and
 * must find them all identical. Goal: >= 20,000 tickets/s/core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assessTicket, snapshotAt } from '../src/core/clock';
import { Backtest, recordsFromAssessment, type BacktestTicket, type RuleSet } from '../src/core/report';
import { createSchedule } from '../src/core/schedule';
import { compileRules } from '../src/server/pipeline/account-rules';
import { runBacktest } from '../src/server/reports/backtest-run';
import { openStore } from '../src/server/store/open-store';
import { generatedHistory, generatedPolicies, OFFICE_HOURS } from '../spec/support/generated-tickets';
import { formatRate, opsPerSecond } from './support/measure';

const TICKETS = Number(process.argv[2] ?? 20_000);
const MARCH = Date.parse('2026-03-01T00:00:00+01:00');
const APRIL = Date.parse('2026-04-01T00:00:00+02:00');
const SPAN = APRIL - MARCH - 5 * 86_400_000;

const current: RuleSet = {
  policies: generatedPolicies('office').map((body, i) => ({ ...body, id: `p${i}`, position: i + 1 })),
  schedules: { office: createSchedule(OFFICE_HOURS) },
};
/** The draft tightens every target by a third: a typical "what if" that moves many instances. */
const tightened = (rules: RuleSet): RuleSet => ({
  policies: rules.policies.map((p) => ({ ...p, targets: p.targets.map((t) => ({ ...t, targetMinutes: Math.round((t.targetMinutes * 2) / 3) })) })),
  schedules: rules.schedules,
});
const draft = tightened(current);

const tickets: BacktestTicket[] = Array.from({ length: Math.min(TICKETS, 5_000) }, (_, i) => ({ ticketId: String(i), history: generatedHistory(i, MARCH, SPAN) }));

function inMemory(): void {
  let backtest = new Backtest({ current, draft, from: MARCH, to: APRIL, asOf: APRIL });
  let added = 0;
  const backtestRate = opsPerSecond(tickets, (ticket) => {
    // a fresh run every 5,000 tickets, so the comparison's record lists stay a month's size
    if (++added % 5_000 === 0) backtest = new Backtest({ current, draft, from: MARCH, to: APRIL, asOf: APRIL });
    backtest.add(ticket);
  });
  const assessRate = opsPerSecond(tickets, (ticket) => {
    const snapshot = snapshotAt(ticket.history, APRIL);
    return recordsFromAssessment(snapshot, assessTicket({ ticket: snapshot, history: ticket.history, policies: current.policies, schedules: current.schedules, now: APRIL }));
  });
  console.log(`${tickets.length} generated tickets, ${tickets.reduce((n, t) => n + t.history.length, 0) / tickets.length} events each on average, node ${process.version}`);
  console.log(`  backtest (current + draft, per CPU-second)        ${formatRate(backtestRate).padStart(10)}`);
  console.log(`  peer: one assessTicket + records per ticket      ${formatRate(assessRate).padStart(10)}`);
  console.log(`  ratio backtest/assess: ${(backtestRate / assessRate).toFixed(2)}x (2 assessments per ticket: 0.5x is par)`);
}

async function fromStore(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'sla-bench-backtest-'));
  try {
    const store = await openStore({ database: { kind: 'sqlite', file: join(folder, 'sla.db') }, encryptionKey: { bytes: Buffer.alloc(32, 1) } });
    const account = await store.saveAccount({ subdomain: 'bench', credentials: { kind: 'sandbox' }, webhookSecret: null, appSharedSecret: null, now: MARCH });
    const schedule = await store.saveSchedule({ accountId: account.id, name: 'Office', spec: OFFICE_HOURS, now: MARCH });
    if (schedule.kind !== 'saved') throw new Error(schedule.kind);
    for (const body of generatedPolicies(schedule.value.id)) await store.savePolicy({ accountId: account.id, body, authorId: null, now: MARCH });
    // What the server pipeline records (src/server/pipeline/process-ticket.ts): records of the ticket as of `now`.
    const rules = compileRules(await store.listPolicies(account.id), await store.listSchedules(account.id), { warn: () => undefined });
    for (let i = 0; i < TICKETS; i++) {
      const history = generatedHistory(i, MARCH, SPAN);
      await store.appendTicketEvents({ accountId: account.id, ticketId: String(i), events: history.map((event, n) => ({ sourceId: String(n), event })) });
      const now = history[history.length - 1]!.at;
      const ticket = snapshotAt(history, now);
      const records = recordsFromAssessment(ticket, assessTicket({ ticket, history, policies: rules.policies, schedules: rules.schedules, now }));
      await store.saveMetricRecords(records.map((r) => ({ ...r, accountId: account.id })), now);
    }
    // First the run as the policy editor's Simulate and `sla backtest --policies` make it, then the same with the
    // reproduction check (`--verify`), which also reads every stored record. The second runs warm: its cost is
    // shown as what the check adds, on top of the first's figure.
    const measured = async (verify: boolean) => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const run = await runBacktest({ store, accountId: account.id, from: MARCH, to: APRIL, draft: tightened, verify });
      const used = process.cpuUsage(cpu);
      return { run, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
    };
    const what = await measured(false);
    const tickets = what.run.comparison.tickets;
    console.log(
      `  sla backtest path from SQLite (draft vs current), ${tickets} tickets: ${formatRate(tickets / what.cpuSeconds)} per CPU-second of this process (${what.cpuSeconds.toFixed(2)} CPU-s; ${what.seconds.toFixed(2)} s wall, ${formatRate(tickets / what.seconds)})`,
    );
    const verified = await measured(true);
    const reproduction = verified.run.reproduction;
    if (!reproduction) throw new Error('a verified run gives its reproduction');
    console.log(`  the same with --verify (reads the stored records too), run second: ${formatRate(tickets / verified.cpuSeconds)} per CPU-second (${verified.cpuSeconds.toFixed(2)} CPU-s)`);
    console.log(`  reproduction: ${reproduction.identical} of ${reproduction.stored} stored records identical (${reproduction.replayed} replayed)`);
    await store.close();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

inMemory();
void fromStore();
