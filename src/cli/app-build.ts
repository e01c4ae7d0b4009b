import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** What the app build (webpack.config.js) reads: a change to any of them makes dist/ stale. */
const BUILD_INPUTS = ['src/app', 'src/core', 'assets', 'translations', 'manifest.json', 'requirements.json', 'webpack.config.js', 'scripts/webpack'];
/** What the build writes, oldest first matters: if any is missing the build is missing. */
const BUILD_OUTPUTS = ['manifest.json', 'assets/iframe.html', 'assets/app.js'];

/** Newest modification time (ms) of a file, or of any file under a directory; 0 when absent. */
export function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs.readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), 0);
}

/** Why dist/ needs building, or null when it is newer than everything it is built from. */
export function appBuildProblem(root: string, distDir: string): 'missing' | 'stale' | null {
  const outputs = BUILD_OUTPUTS.map((file) => path.join(distDir, file));
  if (outputs.some((file) => !fs.existsSync(file))) return 'missing';
  const builtAt = Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
  const changedAt = Math.max(...BUILD_INPUTS.map((input) => newestMtime(path.join(root, input))));
  return changedAt > builtAt ? 'stale' : null;
}

/** Runs `npm run build` (webpack, production) when dist/ is missing or older than its sources. */
export async function ensureAppBuilt(root: string, say: (line: string) => void): Promise<void> {
  const problem = appBuildProblem(root, path.join(root, 'dist'));
  if (problem === null) return;
  say(`The app build in dist/ is ${problem}: running npm run build…`);
  await new Promise<void>((resolve, reject) => {
    // The build's own output goes to stderr: stdout is for the one URL a newcomer should see.
    const child = spawn('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit code ${code})`))));
  });
  // webpack leaves a file it would write unchanged untouched, so its time would still say "stale" next start.
  const now = new Date();
  for (const file of BUILD_OUTPUTS) fs.utimesSync(path.join(root, 'dist', file), now, now);
}
