import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

describe('serve-emulator', () => {
  it('prints its URL and credentials, serves the API with them, and stops on SIGTERM', async () => {
    const root = resolve(__dirname, '../../..');
    const child = spawn(process.execPath, [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'src/sandbox/emulator/serve-emulator.ts'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
      const { url, email, apiToken } = JSON.parse(chunk.toString('utf8')) as { url: string; email: string; apiToken: string };
      const response = await fetch(`${url}/api/v2/users/me.json`, {
        headers: { authorization: `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString('base64')}` },
      });
      expect(response.status).toBe(200);
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
