import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

interface Run {
  readonly child: ChildProcess;
  stdout: string;
  stderr: string;
  readonly exited: Promise<number | null>;
}

function sla(args: string[], env: Record<string, string>): Run {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ZENDESK_')));
  const child = spawn(TSX, ['src/cli/sla.ts', ...args], { cwd: ROOT, env: { ...clean, ...env } });
  const run: Run = {
    child,
    stdout: '',
    stderr: '',
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
  };
  child.stdout?.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  return run;
}

async function until(condition: () => boolean, run: Run, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; stdout: ${run.stdout}\nstderr: ${run.stderr}`);
    if (run.child.exitCode !== null) throw new Error(`exited ${run.child.exitCode}; stderr: ${run.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('sla sandbox', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-cli-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('starts, prints one URL that answers with the desk, and stops cleanly on Ctrl-C', async () => {
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(dist);
    fs.copyFileSync(path.join(ROOT, 'manifest.json'), path.join(dist, 'manifest.json'));
    const run = sla(['sandbox'], {
      PORT: '0',
      SANDBOX_ZENDESK_PORT: '0',
      SANDBOX_DESK_PORT: '0',
      DATABASE_URL: `sqlite:${path.join(dir, 'sla.db')}`,
      SLA_APP_DIST_DIR: dist,
      LOG_LEVEL: 'silent',
    });
    try {
      await until(() => run.stdout.includes('Ctrl-C'), run);
      const urls = run.stdout.match(/https?:\/\/\S+/g) ?? [];
      expect(urls).toHaveLength(1);
      const response = await fetch(`${urls[0]}/tickets`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('All tickets');
    } finally {
      run.child.kill('SIGINT');
    }
    expect(await run.exited).toBe(0);
  });

  it('refuses to start the sandbox when a Zendesk account is configured, saying why', async () => {
    const run = sla(['sandbox'], { ZENDESK_SUBDOMAIN: 'acme' });
    expect(await run.exited).toBe(1);
    expect(run.stderr).toMatch(/without a Zendesk account; unset ZENDESK_SUBDOMAIN/);
  });

  it('names the commands it knows when given another', async () => {
    const run = sla(['frobnicate'], {});
    expect(await run.exited).toBe(2);
    expect(run.stderr).toContain('Commands: start, sandbox, serve');
  });
});
