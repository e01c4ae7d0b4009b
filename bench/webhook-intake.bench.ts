/**
 * Webhook intake over real HTTP on loopback: signed deliveries to POST /zendesk/webhooks/:accountId (verify, check
 * freshness, parse, durable insert into the SQLite inbox in WAL mode, 202), side by side in the same run with a
 * bare Fastify route that does nothing but answer 202. Each server runs in its own child process, so the client's
 * work is not charged to it; both get the same requests, connections and machine.
 *
 *   npx tsx bench/webhook-intake.bench.ts [requests=20000] [connections=8]
 *
 * Reports requests/s, p50/p99 ack latency, and intake/bare as a ratio. Goals: >= 5,000/s durable on SQLite and
 * >= 0.3x the bare route.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function serve(target: Target): Promise<void> {
  if (target === 'bare') {
    const app = Fastify({ logger: false });
    app.post('/bare', async (_request, reply) => reply.status(202).send({ accepted: true, duplicate: false }));
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    process.send?.({ url, path: '/bare' } satisfies Ready);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  process.on('disconnect', () => rmSync(folder, { recursive: true, force: true }));
  const config = loadConfig({ DATABASE_URL: `sqlite:${join(folder, 'sla.db')}` });
  if (!config.ok) throw new Error('config');
  const store = await openStore(config.value);
  const account = await store.saveAccount({ subdomain: 'bench', credentials: { kind: 'sandbox' }, webhookSecret: SECRET, appSharedSecret: null, now: Date.now() });
  const app = await buildHttpServer({ config: config.value, store, clock: { now: () => Date.now() }, log: pino({ level: 'silent' }) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send?.({ url, path: `/zendesk/webhooks/${account.id}` } satisfies Ready);
}

function startChild(target: Target): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(__filename, ['--serve', target], { execArgv: process.execArgv, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('message', (ready) => resolve({ child, ready: ready as Ready }));
    child.once('exit', (code) => reject(new Error(`${target} server exited with ${code}`)));
  });
}

interface Prepared {
  readonly body: string;
  readonly headers: Record<string, string>;
}

/** Signed ahead of time, so the client's HMACs are not part of the measurement. */
function prepare(count: number): Prepared[] {
  const timestamp = new Date().toISOString();
  return Array.from({ length: count }, (_, i) => {
    const body = JSON.stringify({ ticket_id: String(1 + (i % 2000)), updated_at: timestamp, event: 'ticket_updated' });
    return {
      body,
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'x-zendesk-webhook-signature': zendeskSignature({ secret: SECRET, timestamp, rawBody: body }),
        'x-zendesk-webhook-signature-timestamp': timestamp,
        'x-zendesk-webhook-invocation-id': `bench-${process.hrtime.bigint()}-${i}`,
      },
    };
  });
}

function send(agent: Agent, url: URL, path: string, prepared: Prepared): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = request({ agent, host: url.hostname, port: url.port, path, method: 'POST', headers: prepared.headers }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 202 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end(prepared.body);
  });
}

async function load(ready: Ready, requests: Prepared[], connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(ready.url);
  const latencies: number[] = [];
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < requests.length) {
        const prepared = requests[next++];
        if (prepared) latencies.push(await send(agent, url, ready.path, prepared));
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { perSecond: requests.length / seconds, p50: at(0.5), p99: at(0.99) };
}

async function bench(): Promise<void> {
  const total = Number(process.argv[2] ?? 20_000);
  const connections = Number(process.argv[3] ?? 8);
  const results: Partial<Record<Target, Awaited<ReturnType<typeof load>>>> = {};
  for (const target of ['bare', 'intake'] as const) {
    const { child, ready } = await startChild(target);
    await load(ready, prepare(Math.min(2_000, total)), connections); // warm-up (JIT, connections, SQLite pages)
    results[target] = await load(ready, prepare(total), connections);
    child.kill('SIGTERM');
  }
  const row = (name: string, r: Awaited<ReturnType<typeof load>> | undefined) =>
    `${name.padEnd(40)} ${r ? `${Math.round(r.perSecond).toString().padStart(7)} req/s   p50 ${r.p50.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms` : 'n/a'}`;
  console.log(`${total} signed POSTs, ${connections} keep-alive connections, loopback, node ${process.version}`);
  console.log(row('bare fastify route (202, no work)', results.bare));
  console.log(row('webhook intake (verify + SQLite inbox)', results.intake));
  if (results.bare && results.intake) console.log(`ratio intake/bare: ${(results.intake.perSecond / results.bare.perSecond).toFixed(2)}x`);
}

const serveAt = process.argv.indexOf('--serve');
if (serveAt >= 0) void serve(process.argv[serveAt + 1] as Target);
else void bench();
