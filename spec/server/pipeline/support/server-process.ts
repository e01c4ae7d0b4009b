import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

const ROOT = path.join(__dirname, '../../../..');

/** A free TCP port on loopback (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * `sla serve` as its own OS process (node + tsx's loader in the same process, so SIGKILL kills the server itself,
 * not a wrapper), as production runs it.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  readonly url: string;
  private output = '';

  constructor(readonly port: number, private readonly env: NodeJS.ProcessEnv) {
    this.url = `http://127.0.0.1:${port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/sla.ts'), 'serve'], {
      cwd: ROOT,
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited (${this.child.exitCode}): ${this.output}`);
      const ready = await fetch(`${this.url}/readyz`).then((r) => r.ok, () => false);
      if (ready) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server not ready in 30 s: ${this.output}`);
  }

  get alive(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Death without a chance to clean up: leases stay held until they run out. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** A graceful stop (SIGTERM: finish, hand back leases). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (this.alive) await this.kill();
  }

  logs(): string {
    return `[${this.url} alive=${this.alive} exit=${this.child?.exitCode} signal=${this.child?.signalCode}] ${this.output}`;
  }
}

/**
 * A load balancer in front of several servers, as a deployment has: each request goes to the next backend, and to
 * another if that one refuses or drops the connection (a server killed mid-request). The webhook is idempotent on
 * Zendesk's invocation id, so sending it again is safe.
 */
export async function startBalancer(backends: readonly { readonly url: string }[]): Promise<{ url: string; close(): Promise<void> }> {
  let next = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      const body = Buffer.concat(chunks);
      const start = next++;
      for (let i = 0; i < backends.length * 2; i++) {
        const backend = backends[(start + i) % backends.length] as { url: string };
        try {
          const headers = Object.fromEntries(Object.entries(request.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'content-length', 'connection'].includes(k))) as Record<string, string>;
          const answer = await fetch(`${backend.url}${request.url}`, { method: request.method, headers, ...(body.length > 0 ? { body } : {}) });
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
          return;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      response.writeHead(502).end();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
