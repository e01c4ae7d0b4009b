/**
 * The whole product in the sandbox, in headless Chromium: the Zendesk emulator with the demo account, the real
 * companion server (pipeline on a temp SQLite) connected to it as `npm start` connects it, and the agent desk
 * hosting the built app. An agent works an urgent ticket from due soon to met, the clock runs to its breach and the
 * Out-of-SLA mails reach the outbox once each, and an admin's edit of a policy moves an open ticket's due time.
 * Every step waits for the condition it needs (the server's write-back, a re-render), never for a fixed time.
 * Screenshots: test-output/screenshots/e2e-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import pino from 'pino';
import type { Chromium } from '../../scripts/chromium';
import { SANDBOX_SCHEDULE } from '../../src/cli/sandbox-rules';
import { startSandbox, type RunningSandbox } from '../../src/cli/start-sandbox';
import { zendeskApi, type ZendeskApi } from '../../src/sandbox/desk/api/zendesk-api';
import { customerWritesIn, eventually, moveToWorkingMoment, slaFieldOf } from '../../src/sandbox/desk/seed/demo-moves';
import { launchBrowser, runWebpack, saveScreenshot } from '../support/browser';

const { createWebpackConfig } = require('../../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'development'; outputPath: string; log: (line: string) => void }) => object;
};

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../..');
const MINUTE_MS = 60_000;

let workDir: string;
let sandbox: RunningSandbox;
let browser: Chromium;
let page: Page;
let api: ZendeskApi;
/** The urgent ticket the agent works (Standard policy: first reply within 60 business minutes, warned 15 before). */
let ticketId: number;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-e2e-'));
  const appDir = path.join(workDir, 'app');
  await runWebpack(createWebpackConfig({ mode: 'development', outputPath: appDir, log: () => undefined }));
  sandbox = await startSandbox({
    env: { PORT: '0', DATABASE_URL: `sqlite:${path.join(workDir, 'sla.db')}`, LOG_LEVEL: 'silent' },
    emulatorPort: 0,
    deskPort: 0,
    log: pino({ level: 'silent' }),
    root: ROOT,
    appDistDir: appDir,
  });
  api = zendeskApi(sandbox.emulator.url, sandbox.credentials);
  // Business-hours countdowns stand still at night: the story starts in office hours.
  await moveToWorkingMoment(api, SANDBOX_SCHEDULE.spec);
  ticketId = await writeIn('Checkout fails for every customer', 'Since this morning nobody can pay. Please help!');
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await sandbox?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const fieldOf = (id: number, identifier: string) => slaFieldOf(api, sandbox.seed, id, identifier);
const writeIn = (subject: string, body: string) => customerWritesIn(api, sandbox.seed, { subject, body });

const sidebar = (): FrameLocator => page.frameLocator('#zaf-app');
const metricRow = (metric: string) => sidebar().locator(`[data-metric="${metric}"]`);
const countdownOf = (metric: string) => metricRow(metric).locator('[data-countdown]').innerText();
/** The "due …" part of a countdown ("1 h 2 m 3 s business · due Tue 10:30 · …" → "due Tue 10:30"). */
const duePart = (text: string) => /due [^·]+/.exec(text)?.[0].trim() ?? null;
const headerNow = async () => Date.parse((await page.locator('time[data-emulator-now]').getAttribute('datetime')) as string);

async function openTicket(id: number) {
  await page.goto(`${sandbox.desk.url}/tickets/${id}`);
  await sidebar().locator('[data-metric]').first().waitFor();
}

describe('the SLA engine in the sandbox, end to end', () => {
  it('writes the SLA fields on a new urgent ticket, and the sidebar counts down', async () => {
    const due = await eventually(() => fieldOf(ticketId, 'sla_due_first_reply_time'), (v) => v !== null, 'the first reply due time');
    expect(await fieldOf(ticketId, 'sla_policy')).toBe('Standard');
    expect(await fieldOf(ticketId, 'sla_status')).toBe('sla_status_on_track');
    expect(Date.parse(due as string)).toBeGreaterThan(sandbox.emulator.clock.now());

    await openTicket(ticketId);
    expect(await page.locator('#sla-status').innerText()).toMatch(/on track/i);
    expect(await page.locator('#sla-due').innerText()).not.toBe('-');
    expect(await metricRow('first_reply_time').getAttribute('data-tone')).toBe('on_track');
    const before = await countdownOf('first_reply_time');
    // The countdown ticks in business time: the same row reads differently a moment later.
    await sidebar()
      .locator('[data-metric="first_reply_time"] [data-countdown]')
      .filter({ hasNotText: before })
      .waitFor({ timeout: 5_000 });
    await saveScreenshot(page, 'e2e-sidebar-countdown');
  });

  it('turns due soon when the warning time comes, and met once the agent replies publicly', async () => {
    const due = Date.parse((await fieldOf(ticketId, 'sla_due_first_reply_time')) as string);
    // Ten minutes before the due time: inside the policy's 15-minute warning.
    await api.post('/__sandbox/clock', { set: new Date(due - 10 * MINUTE_MS).toISOString() });
    await eventually(() => fieldOf(ticketId, 'sla_status'), (v) => v === 'sla_status_due_soon', 'status due soon');
    await openTicket(ticketId);
    await sidebar().locator('[data-metric="first_reply_time"][data-tone="due_soon"]').waitFor();
    expect(await page.locator('#sla-status').innerText()).toMatch(/due soon/i);
    await saveScreenshot(page, 'e2e-sidebar-due-soon');

    await page.getByLabel('Comment', { exact: true }).fill('We are on it: the payment provider has an outage, a fix is coming.');
    await page.getByRole('button', { name: /Submit as/ }).click();
    await page.locator('.comment.public', { hasText: 'the payment provider has an outage' }).waitFor();
    const status = await eventually(() => fieldOf(ticketId, 'sla_status'), (v) => v !== 'sla_status_due_soon', 'the status after the reply');
    expect(status).toBe('sla_status_on_track');
    expect(await fieldOf(ticketId, 'sla_due_first_reply_time')).toBeNull();
    // No reload: the desk shows the server's write-back as Zendesk does, and the sidebar reloads on ticket.updated.
    await page.locator('#sla-status', { hasText: /on track/i }).waitFor();
    await sidebar().locator('[data-metric="first_reply_time"][data-tone="met"]').waitFor();
    await saveScreenshot(page, 'e2e-sidebar-met');
  });

  it('runs the clock to the breach with "To next breach"; the outbox holds one Out-of-SLA mail per trigger and recipient', async () => {
    await openTicket(ticketId);
    const dueAt = Date.parse((await fieldOf(ticketId, 'sla_next_due_at')) as string);
    // Other demo tickets may be due first: each press goes to the next due time still ahead.
    for (let press = 0; (await headerNow()) <= dueAt; press += 1) {
      if (press > 60) throw new Error('"To next breach" never reached the ticket’s due time');
      const before = await headerNow();
      await page.getByRole('button', { name: 'To next breach' }).click();
      await page.waitForFunction((old) => Date.parse(document.querySelector('time[data-emulator-now]')?.getAttribute('datetime') ?? '') > old, before);
    }
    await eventually(() => fieldOf(ticketId, 'sla_status'), (v) => v === 'sla_status_breached', 'status breached');
    await page.reload();
    await page.locator('#sla-status', { hasText: /breached/i }).waitFor();
    await sidebar().locator('[data-metric][data-tone="breached"]').first().waitFor();
    await saveScreenshot(page, 'e2e-sidebar-breached');

    const outOfSla = async () => {
      await page.goto(`${sandbox.desk.url}/outbox`);
      return page.locator('.mail', { hasText: `[Ticket #${ticketId}] Out of SLA` }).locator('.meta').allInnerTexts();
    };
    const mails = await eventually(outOfSla, (list) => list.some((m) => m.includes('Out of SLA: notify assignee')), 'the assignee’s Out-of-SLA mail');
    // Another hour and another pass of the server over the ticket must not mail anyone twice.
    await page.getByRole('button', { name: '+1 hour' }).click();
    await eventually(() => fieldOf(ticketId, 'sla_status'), (v) => v === 'sla_status_breached', 'status still breached');
    const again = await outOfSla();
    const keyOf = (meta: string) => `${/to (\S+)/.exec(meta)?.[1]} ${/trigger “([^”]+)”/.exec(meta)?.[1]}`;
    const keys = again.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(again.length).toBeGreaterThanOrEqual(mails.length);
    const assignee = sandbox.seed.agents[0]?.email as string;
    expect(keys).toContain(`${assignee} Out of SLA: notify assignee`);
    expect(keys.some((key) => key.endsWith('Out of SLA: notify group'))).toBe(true);
    await page.locator('.mail', { hasText: `[Ticket #${ticketId}] Out of SLA` }).first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'e2e-outbox');
  });

  it('moves an open ticket’s due time when the admin edits the Standard policy and recomputes open tickets', async () => {
    await moveToWorkingMoment(api, SANDBOX_SCHEDULE.spec);
    const waiting = await writeIn('Invoices show the wrong VAT rate', 'Our December invoices have 8% VAT instead of 23%.');
    const before = await eventually(() => fieldOf(waiting, 'sla_due_first_reply_time'), (v) => v !== null, 'the second ticket’s due time');
    await openTicket(waiting);
    const sidebarBefore = duePart(await countdownOf('first_reply_time'));

    await page.goto(`${sandbox.desk.url}/apps/sla-clock`);
    const app = sidebar();
    await app.getByRole('tab', { name: 'Policies' }).click();
    await app.getByRole('button', { name: 'Edit “Standard”' }).click();
    const target = app.getByLabel('First reply time, Urgent: target in minutes');
    expect(await target.inputValue()).toBe('60');
    await target.fill('120');
    await app.getByRole('button', { name: 'Save policy' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText('Recompute open tickets').click();
    await saveScreenshot(page, 'e2e-admin-impact');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByText('Policy saved.').waitFor();
    await saveScreenshot(page, 'e2e-admin-policies');

    const after = await eventually(() => fieldOf(waiting, 'sla_due_first_reply_time'), (v) => v !== before, 'the recomputed due time');
    // Sixty more business minutes: at least an hour later, more if the office closes in between.
    expect(Date.parse(after as string) - Date.parse(before as string)).toBeGreaterThanOrEqual(60 * MINUTE_MS);
    await openTicket(waiting);
    const sidebarAfter = duePart(await countdownOf('first_reply_time'));
    expect(sidebarAfter).not.toBeNull();
    expect(sidebarAfter).not.toBe(sidebarBefore);
    await saveScreenshot(page, 'e2e-sidebar-after-policy-edit');
  });
});
