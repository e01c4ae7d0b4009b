/**
 * `npm run screenshots`: regenerates the marketplace screenshots, assets/screenshot-0.png … screenshot-2.png
 * (1024×768 PNG, full bleed, under 500 KB, as Zendesk's listing asks), from a fresh sandbox: the production build
 * of the app hosted in the agent desk, the real server on a temp SQLite. It plays a short story in office hours:
 *   0. an urgent ticket with the sidebar's live countdowns;
 *   1. the admin page reviewing an edit of the Standard policy (urgent first reply 60 → 120 minutes): which open
 *      tickets' due times it moves, before saving (cancelled, so the story goes on under the demo targets);
 *   2. the same ticket after "To next breach": breached in the sidebar, the Out-of-SLA mails in its conversation.
 * Run it after a visible change to the sidebar or the admin page and commit the PNGs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import pino from 'pino';
import webpack from 'webpack';
import { SANDBOX_SCHEDULE } from '../src/cli/sandbox-rules';
import { startSandbox } from '../src/cli/start-sandbox';
import { zendeskApi } from '../src/sandbox/desk/api/zendesk-api';
import { customerWritesIn, eventually, moveToWorkingMoment, slaFieldOf } from '../src/sandbox/desk/seed/demo-moves';
import { pngDimensions } from './validate/manifest-rules';
import { launchChromium } from './chromium';

const { createWebpackConfig } = require('../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'production'; outputPath: string; log: (line: string) => void }) => webpack.Configuration;
};

const ROOT = path.resolve(__dirname, '..');
const ASSETS = path.join(ROOT, 'assets');
const SIZE = { width: 1024, height: 768 };
const MAX_BYTES = 500 * 1024;

function build(outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(createWebpackConfig({ mode: 'production', outputPath, log: () => undefined }), (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
      resolve();
    });
  });
}

async function shoot(page: Page, index: number, what: string): Promise<void> {
  const file = path.join(ASSETS, `screenshot-${index}.png`);
  await page.screenshot({ path: file });
  const png = fs.readFileSync(file);
  const size = pngDimensions(png);
  if (!size || size.width !== SIZE.width || size.height !== SIZE.height) throw new Error(`${file} is ${JSON.stringify(size)}, not ${SIZE.width}×${SIZE.height}`);
  if (png.length > MAX_BYTES) throw new Error(`${file} is ${png.length} bytes, over ${MAX_BYTES}`);
  console.log(`assets/screenshot-${index}.png: ${what} (${size.width}×${size.height}, ${Math.round(png.length / 1024)} KB)`);
}

async function main() {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-screenshots-'));
  const appDir = path.join(workDir, 'app');
  await build(appDir);
  const sandbox = await startSandbox({
    env: { PORT: '0', DATABASE_URL: `sqlite:${path.join(workDir, 'sla.db')}`, LOG_LEVEL: 'silent' },
    emulatorPort: 0,
    deskPort: 0,
    log: pino({ level: 'silent' }),
    root: ROOT,
    appDistDir: appDir,
  });
  const browser = await launchChromium({ viewport: SIZE });
  try {
    const api = zendeskApi(sandbox.emulator.url, sandbox.credentials);
    const field = (id: number, identifier: string) => slaFieldOf(api, sandbox.seed, id, identifier);
    await moveToWorkingMoment(api, SANDBOX_SCHEDULE.spec);
    const ticketId = await customerWritesIn(api, sandbox.seed, {
      subject: 'Checkout fails for every customer',
      body: 'Since this morning nobody can pay in our shop. Please help, we lose orders every minute!',
    });
    await eventually(() => field(ticketId, 'sla_next_due_at'), (v) => v !== null, 'the SLA fields');

    const page = await browser.context.newPage();
    await page.setViewportSize(SIZE);
    const app = page.frameLocator('#zaf-app');
    const openTicket = async () => {
      await page.goto(`${sandbox.desk.url}/tickets/${ticketId}`);
      await app.locator('[data-metric]').first().waitFor();
    };
    await openTicket();
    await shoot(page, 0, 'ticket sidebar with live countdowns');

    await page.goto(`${sandbox.desk.url}/apps/sla-clock`);
    await app.getByRole('tab', { name: 'Policies' }).click();
    await app.getByRole('button', { name: 'Edit “Standard”' }).click();
    // A longer urgent first reply target, reviewed before saving: which open tickets' due times would move.
    await app.getByLabel('First reply time, Urgent: target in minutes').fill('120');
    await app.getByRole('button', { name: 'Save policy' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText(/changes? on open tickets/).waitFor();
    await shoot(page, 1, 'admin page: a policy edit’s impact on open tickets, before saving');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const dueAt = Date.parse((await field(ticketId, 'sla_next_due_at')) as string);
    const headerNow = async () => Date.parse((await page.locator('time[data-emulator-now]').getAttribute('datetime')) as string);
    await openTicket();
    for (let press = 0; (await headerNow()) <= dueAt; press += 1) {
      if (press > 60) throw new Error('"To next breach" never reached the ticket’s due time');
      const before = await headerNow();
      await page.getByRole('button', { name: 'To next breach' }).click();
      await page.waitForFunction((old) => Date.parse(document.querySelector('time[data-emulator-now]')?.getAttribute('datetime') ?? '') > old, before);
    }
    await eventually(() => field(ticketId, 'sla_status'), (v) => v === 'sla_status_breached', 'the breach');
    const mails = async () => (await api.get<{ mails: { ticketId: number }[] }>('/__sandbox/outbox')).mails.filter((m) => m.ticketId === ticketId);
    await eventually(mails, (list) => list.length > 0, 'the Out-of-SLA mails');
    await openTicket();
    // An hour later the breach reads as one ("overdue by 1 h"), not as the second it happened.
    await page.getByRole('button', { name: '+1 hour' }).click();
    await page.waitForURL(`${sandbox.desk.url}/tickets/${ticketId}`);
    await app.locator('[data-metric][data-tone="breached"]').first().waitFor();
    await shoot(page, 2, 'a breached ticket: the sidebar and the Out-of-SLA mails');
  } finally {
    await browser.close();
    await sandbox.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((cause: unknown) => {
  console.error(cause);
  process.exitCode = 1;
});
