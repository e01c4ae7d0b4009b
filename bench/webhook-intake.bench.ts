/**
 * Webhook intake over real HTTP on loopback: signed deliveries to POST /zendesk/webhooks/:accountId (verify the HMAC,
 * check freshness, parse, durable insert into the SQLite inbox, 202), side by side in the same run with a bare
 * Fastify route that does nothing but answer 202. Each server runs in its own child process and reports its own CPU
 * time; the load generator (this process, the same for both) reports its own, so a server starved by its client
 * shows. The intake logs as production does (info, to /dev/null; BENCH_LOG_LEVEL to change).
 *
 *   npx tsx bench/webhook-intake.bench.ts [requests=20000] [connections=8]
 *   BENCH_PROFILE=intake BENCH_PROFILE_DIR=/tmp/prof npx tsx bench/webhook-intake.bench.ts   # --cpu-prof the intake
 *
 * Durable here means what the product promises: the 202 is sent after the delivery's SQLite commit in WAL mode
 * with synchronous = NORMAL (openStore sets it), so an acknowledged delivery survives a crash or kill of the server
 * process, not a power cut or an OS crash. Surviving those would take synchronous = FULL, an fsync per commit: the
 * bench measures this disk's fdatasync, and with at most `connections` deliveries in flight one commit can
 * acknowledge at most that many, so FULL caps intake near connections / fsync time (printed).
 *
 * Reports requests/s, p50/p99 ack latency, CPU per request of server and client, and intake/bare as a ratio.
 * Goals: >= 5,000/s durable on SQLite and >= 0.3x the bare route. On a shared 2-core machine the req/s follow the
 * CPU the server is given: its "% of a core", and "waiting for a core" (runnable, but another process had the
 * CPU). The server's CPU per request is the steadier figure, and 1 s divided by it is what one core would allow.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { closeSync, fdatasyncSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { connect } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import pino from 'pino';
import { loadConfig } from '../src/server/config';
import { buildHttpServer } from '../src/server/http/build-http-server';
import { zendeskSignature } from '../src/server/http/zendesk-signature';
import { openStore } from '../src/server/store/open-store';

const SECRET = 'bench-webhook-signing-secret';
type Target = 'bare' | 'intake';

interface Ready {
  readonly url: string;
  readonly path: string;
}

interface ServerTimes {
  /** CPU time of the whole process (µs). */
  readonly cpu: NodeJS.CpuUsage;
  /** The event loop's busy time (ms): running JS and native calls, blocking syscalls included. */
  readonly busyMs: number;
  /** Time the main thread was runnable but waited for a core (ns; Linux's schedstat, 0 elsewhere). */
  readonly runQueueNs: number;
}

function serverTimes(): ServerTimes {
  let runQueueNs = 0;
  try {
    runQueueNs = Number(readFileSync('/proc/self/schedstat', 'utf8').split(' ')[1] ?? 0);
  } catch {
    // not Linux: reported as 0
  }
  return { cpu: process.cpuUsage(), busyMs: performance.eventLoopUtilization().active, runQueueNs };
}

/**
 * The child reports its times on request, so each run charges the server and the client their own work, and shows
 * whether the server was short of CPU (waiting for a core) rather than of work.
 */
function answerCpuProbes(): void {
  process.on('message', (message) => {
    if (message === 'cpu') process.send?.({ times: serverTimes() });
  });
  // A clean exit, so that `--cpu-prof` (BENCH_PROFILE) writes its profile.
  process.on('SIGTERM', () => process.exit(0));
}

async function serve(target: Target): Promise<void> {
  answerCpuProbes();
  if (target === 'bare') {
    const app = Fastify({ logger: false });
    app.post('/bare', async (_request, reply) => reply.status(202).send({ accepted: true, duplicate: false }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    process.send?.({ url, path: '/bare' } satisfies Ready);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  process.on('exit', () => rmSync(folder, { recursive: true, force: true }));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(folder, 'sla.db')}` });
  if (!config.ok) throw new Error('config');
  const store = await openStore(config.value);
  const account = await store.saveAccount({ subdomain: 'bench', credentials: { kind: 'sandbox' }, webhookSecret: SECRET, appSharedSecret: null, now: Date.now() });
  const app = await buildHttpServer({ config: config.value, store, clock: { now: () => Date.now() }, log: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'info' }, pino.destination('/dev/null')) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ url, path: `/zendesk/webhooks/${account.id}` } satisfies Ready);
}

function startChild(target: Target): Promise<{ child: ChildProcess; ready: Ready }> {
  const profile = process.env.BENCH_PROFILE === target ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR ?? '.'}`] : [];
  const child = fork(__filename, ['--serve', target], { execArgv: [...process.execArgv, ...profile], stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }));
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
}

function childTimes(child: ChildProcess): Promise<ServerTimes> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'times' in message) {
        child.off('message', onMessage);
        resolve((message as { times: ServerTimes }).times);
      }
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/** One request as the bytes on the wire, signed ahead of time, so the client's HMACs are not part of the measurement. */
function prepare(path: string, count: number): Buffer[] {
  const timestamp = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({ ticket_id: String(1 + (i % 2000)), updated_at: timestamp, event: 'ticket_updated' });
    const headers = [
      `POST ${path} HTTP/1.1`,
      'host: 127.0.0.1',
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(body)}`,
      `x-zendesk-webhook-signature: ${zendeskSignature({ secret: SECRET, timestamp, rawBody: body })}`,
      `x-zendesk-webhook-signature-timestamp: ${timestamp}`,
      `x-zendesk-webhook-invocation-id: bench-${process.hrtime.bigint()}-${i}`,
    ];
    return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body}`);
  });
}

/**
 * The load generator: `connections` keep-alive sockets, each sending its next request when the previous answer is
 * complete (no pipelining), as Zendesk's deliveries over a few connections would. It reads only the status line and
 * Content-Length of each answer (both servers send one), so it spends less CPU than node's http client and leaves
 * more of the machine to the server; it is the same generator for both targets, and its own CPU time is reported.
 */
function connection(url: URL, requests: Buffer[], take: () => number, latencies: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port), noDelay: true });
    let pending: Buffer = Buffer.alloc(0);
    let started = 0n;
    const sendNext = () => {
      const i = take();
      const next = requests[i];
      if (next === undefined) {
        socket.end();
        return resolve();
      }
      started = process.hrtime.bigint();
      socket.write(next);
    };
    socket.on('connect', sendNext);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const headEnd = pending.indexOf('\r\n\r\n');
        if (headEnd < 0) return;
        const head = pending.toString('latin1', 0, headEnd);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? NaN);
        if (!Number.isFinite(length)) return reject(new Error(`answer without content-length: ${head}`));
        if (pending.length < headEnd + 4 + length) return;
        if (!head.startsWith('HTTP/1.1 202')) return reject(new Error(`${head.split('\r\n')[0]}: ${pending.toString('utf8', headEnd + 4, headEnd + 4 + length)}`));
        pending = pending.subarray(headEnd + 4 + length);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        sendNext();
      }
    });
  });
}

async function load(child: ChildProcess, ready: Ready, count: number, connections: number) {
  const requests = prepare(ready.path, count);
  const url = new URL(ready.url);
  const latencies: number[] = [];
  let next = 0;
  const serverBefore = await childTimes(child);
  const clientBefore = process.cpuUsage();
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: connections }, () => connection(url, requests, () => next++, latencies)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const client = process.cpuUsage(clientBefore);
  const serverAfter = await childTimes(child);
  const serverMicros = serverAfter.cpu.user + serverAfter.cpu.system - serverBefore.cpu.user - serverBefore.cpu.system;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    perSecond: count / seconds,
    p50: at(0.5),
    p99: at(0.99),
    serverCpuPerRequest: serverMicros / count,
    serverCpuShare: serverMicros / 1e6 / seconds,
    clientCpuPerRequest: (client.user + client.system) / count,
    clientCpuShare: (client.user + client.system) / 1e6 / seconds,
    serverBusyShare: (serverAfter.busyMs - serverBefore.busyMs) / 1e3 / seconds,
    serverRunQueueShare: (serverAfter.runQueueNs - serverBefore.runQueueNs) / 1e9 / seconds,
  };
}

type Result = Awaited<ReturnType<typeof load>>;

/** What one fsync of a small write costs on the disk under tmpdir (where the bench's database is). */
function fdatasyncMillis(): number {
  const folder = mkdtempSync(join(tmpdir(), 'sla-bench-fsync-'));
  try {
    const fd = openSync(join(folder, 'probe'), 'w');
    const page = Buffer.alloc(4096, 1);
    const started = process.hrtime.bigint();
    for (let i = 0; i < 50; i++) {
      writeSync(fd, page);
      fdatasyncSync(fd);
    }
    closeSync(fd);
    return Number(process.hrtime.bigint() - started) / 1e6 / 50;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function bench(): Promise<void> {
  const total = Number(process.argv[2] ?? 20_000);
  const connections = Number(process.argv[3] ?? 8);
  const results: Partial<Record<Target, Result>> = {};
  for (const target of ['bare', 'intake'] as const) {
    const { child, ready } = await startChild(target);
    await load(child, ready, Math.min(2_000, total), connections); // warm-up (JIT, connections, SQLite pages)
    results[target] = await load(child, ready, total, connections);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
  const cpu = (micros: number, share: number) => `${micros.toFixed(0).padStart(4)} µs/req (${Math.round(share * 100)}% of a core)`;
  const row = (name: string, r: Result | undefined) =>
    r
      ? `${name.padEnd(40)} ${Math.round(r.perSecond).toString().padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms` +
        `   server CPU ${cpu(r.serverCpuPerRequest, r.serverCpuShare)}, loop busy ${Math.round(r.serverBusyShare * 100)}%, ` +
        `waiting for a core ${Math.round(r.serverRunQueueShare * 100)}%   client CPU ${cpu(r.clientCpuPerRequest, r.clientCpuShare)}`
      : `${name.padEnd(40)} n/a`;
  console.log(`${total} signed POSTs, ${connections} keep-alive connections, loopback, node ${process.version}, ${availableParallelism()} cores`);
  console.log(row('bare fastify route (202, no work)', results.bare));
  console.log(row('webhook intake (verify + SQLite inbox)', results.intake));
  if (results.bare && results.intake) {
    const ceiling = (r: Result) => 1e6 / r.serverCpuPerRequest;
    console.log(`ratio intake/bare: ${(results.intake.perSecond / results.bare.perSecond).toFixed(2)}x`);
    console.log(
      `with a core each (1 s / server CPU per request): bare ${Math.round(ceiling(results.bare))}/s, intake ${Math.round(ceiling(results.intake))}/s, ` +
        `ratio ${(ceiling(results.intake) / ceiling(results.bare)).toFixed(2)}x`,
    );
  }
  const fsync = fdatasyncMillis();
  console.log(
    `durability: WAL + synchronous=NORMAL (survives a process crash, not power loss); fdatasync here ${fsync.toFixed(2)} ms, ` +
      `so synchronous=FULL would cap intake near ${Math.round((connections * 1000) / fsync)}/s at ${connections} connections`,
  );
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) void serve(process.argv[serveAt + 1] as Target);
else void bench();
