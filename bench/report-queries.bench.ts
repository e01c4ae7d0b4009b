/**
 * Report queries on 1,000,000 metric records, on SQLite and PostgreSQL: a month's compliance by group (counts,
 * shares, median and p90), side by side in the same run with the peer way of doing it (fetch the month's records
 * and aggregate them with the core in JavaScript), and on PostgreSQL the two ways of ranking percentiles in SQL.
 *
 *   npx tsx bench/report-queries.bench.ts [records=1000000]
 *
 * The records are generated inside the database by formula (a recursive CTE on SQLite, generate_series on
 * PostgreSQL): a year of one account, 20 groups, 6 metrics, ~8% met late, ~5% breached. They are kept between runs
 * (SQLite in the temp folder, PostgreSQL database `sla_bench_reports`) and rebuilt only when the count differs.
 * Goal: < 1 s for a month's compliance by group.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { Client, Pool } from 'pg';
import { complianceReport } from '../src/core/report';
import type { DatabaseConfig } from '../src/server/config';
import type { Database } from '../src/server/store/database';
import { openStore } from '../src/server/store/open-store';
import { complianceFromSql, type PercentileMethod } from '../src/server/store/report-compliance';
import type { SlaStore } from '../src/server/store/sla-store';

const RECORDS = Number(process.argv[2] ?? 1_000_000);
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 86_400_000;
const MARCH = { from: Date.UTC(2025, 2, 1), to: Date.UTC(2025, 3, 1) };
const ACCOUNT = 'bench-account';
const KEY = { bytes: Buffer.alloc(32, 7) };

const pgHost = process.env.PGHOST ?? '127.0.0.1';
const pgUser = process.env.PGUSER ?? 'postgres';
const pgUrl = (db: string) => `postgres://${encodeURIComponent(pgUser)}@${pgHost}:${process.env.PGPORT ?? '5432'}/${db}`;

/** Row i of the data set, written once per engine in its own SQL (the same formulas on both). */
function generateSql(dialect: 'sqlite' | 'postgres') {
  const spacing = Math.floor(YEAR_MS / RECORDS);
  const source =
    dialect === 'sqlite'
      ? sql`with recursive s(i) as (select 0 union all select i + 1 from s where i + 1 < ${sql.lit(RECORDS)}) select i from s`
      : sql`select i from generate_series(0::bigint, ${sql.lit(RECORDS - 1)}) as i`;
  // Constants are literals: PostgreSQL would type bound numbers as int4, too small for epoch millis.
  // status by a scrambled i: 80% met, 8% met late, 5% breached, 5% running, 2% not applicable
  const roll = sql`((i * 7919) % 100)`;
  return sql`insert into metric_records (account_id, ticket_id, metric, instance, policy_id, priority, group_id, assignee_id,
      brand_id, organization_id, via, status, started_at, due_at, fulfilled_at, breached_at, business_minutes, calendar_minutes, updated_at)
    select ${sql.lit(ACCOUNT)}, cast(i / 3 as text), case i % 6 when 0 then 'first_reply_time' when 1 then 'next_reply_time'
        when 2 then 'periodic_update_time' when 3 then 'requester_wait_time' when 4 then 'agent_work_time' else 'total_resolution_time' end,
      1 + (i / 6) % 3, 'p' || (i % 4), case i % 4 when 0 then 'low' when 1 then 'normal' when 2 then 'high' else 'urgent' end,
      'g' || (i % 20), 'a' || (i % 150), 'b' || (i % 3), case when i % 9 = 0 then 'org' || (i % 300) else null end,
      case i % 3 when 0 then 'email' when 1 then 'web' else 'chat' end,
      case when ${roll} < 80 then 'met' when ${roll} < 88 then 'met_late' when ${roll} < 93 then 'breached' when ${roll} < 98 then 'active' else 'not_applicable' end,
      ${sql.lit(YEAR_START)} + i * ${sql.lit(spacing)}, ${sql.lit(YEAR_START)} + i * ${sql.lit(spacing)} + 3600000,
      case when ${roll} < 88 then ${sql.lit(YEAR_START)} + i * ${sql.lit(spacing)} + ((i * 37) % 600) * 60000 else null end,
      case when ${roll} >= 80 and ${roll} < 93 then ${sql.lit(YEAR_START)} + i * ${sql.lit(spacing)} + 3600000 else null end,
      case when ${roll} < 98 then ((i * 37) % 600) + (i % 7) / 7.0 else null end,
      case when ${roll} < 98 then ((i * 37) % 600) + (i % 7) / 7.0 else null end,
      ${sql.lit(YEAR_START)}
    from (${source}) as g`;
}

async function prepare(dialect: 'sqlite' | 'postgres'): Promise<{ config: DatabaseConfig; store: SlaStore; db: Kysely<Database> }> {
  let config: DatabaseConfig;
  let db: Kysely<Database>;
  if (dialect === 'sqlite') {
    const file = join(tmpdir(), 'sla-bench-reports.db');
    config = { kind: 'sqlite', file };
    if (!existsSync(file)) new SqliteDatabase(file).close();
    db = new Kysely({ dialect: new SqliteDialect({ database: new SqliteDatabase(file) }) });
  } else {
    const admin = new Client({ connectionString: pgUrl('postgres') });
    await admin.connect();
    const exists = await admin.query("select 1 from pg_database where datname = 'sla_bench_reports'");
    if (exists.rowCount === 0) await admin.query('create database sla_bench_reports');
    await admin.end();
    config = { kind: 'postgres', url: pgUrl('sla_bench_reports') };
    db = new Kysely({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: config.url, max: 4 }) }) });
  }
  const store = await openStore({ database: config, encryptionKey: KEY }); // migrates
  const count = await db.selectFrom('metric_records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  if (Number(count.n) !== RECORDS) {
    const started = performance.now();
    await db.deleteFrom('metric_records').execute();
    await db.deleteFrom('accounts').where('id', '=', ACCOUNT).execute();
    await db.insertInto('accounts').values({ id: ACCOUNT, subdomain: 'bench', auth_kind: 'sandbox', zendesk_email: null, sealed_api_credential: null, sealed_webhook_secret: null, sealed_app_secret: null, settings: '{}', created_at: 0 }).execute();
    await generateSql(dialect).execute(db);
    await sql`analyze`.execute(db);
    console.log(`${dialect}: generated ${RECORDS.toLocaleString('en-US')} records in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { config, store, db };
}

/** Median wall time of `runs` calls after one warm-up call (the database's own caches are warm, as in use). */
async function timed(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const { store, db } = await prepare(dialect);
  const slice = { accountId: ACCOUNT, from: MARCH.from, to: MARCH.to };
  const monthRows = await store.listSliceRecords(slice);
  const expected = JSON.stringify(complianceReport(monthRows, { groupBy: ['group'] }));
  const methods: PercentileMethod[] = dialect === 'postgres' ? ['window', 'percentile_disc'] : ['window'];
  const results: [string, number][] = [];
  for (const method of methods) {
    const rows = await complianceFromSql(db, slice, ['group'], method);
    if (JSON.stringify(rows) !== expected) throw new Error(`${dialect} ${method}: SQL rows differ from the core's`);
    results.push([`compliance by group, SQL (${method} percentiles)`, await timed(7, () => complianceFromSql(db, slice, ['group'], method))]);
  }
  results.push(['peer: fetch the month, aggregate in JS', await timed(3, async () => complianceReport(await store.listSliceRecords(slice), { groupBy: ['group'] }))]);
  results.push(['compliance by group+metric+priority (store)', await timed(5, () => store.complianceReport({ ...slice, groupBy: ['group', 'metric', 'priority'] }))]);
  results.push(['breach page (50) + trend instants, month', await timed(5, () => Promise.all([store.listBreachRecords({ ...slice, limit: 50, offset: 0 }), store.listBreachInstants(slice)]))]);
  console.log(`\n${dialect}: ${RECORDS.toLocaleString('en-US')} records, March = ${monthRows.length.toLocaleString('en-US')} records in 20 groups`);
  const peer = results.find(([name]) => name.startsWith('peer'))![1];
  for (const [name, time] of results) console.log(`  ${name.padEnd(48)} ${ms(time)}   ${(peer / time).toFixed(2)}x the peer`);
  await db.destroy();
  await store.close();
}

async function main(): Promise<void> {
  for (const dialect of ['sqlite', 'postgres'] as const) await bench(dialect);
}

void main();
