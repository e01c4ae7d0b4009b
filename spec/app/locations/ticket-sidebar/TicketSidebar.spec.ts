/**
 * The ticket sidebar end to end in headless Chromium: the sandbox desk (over the seeded Zendesk emulator) hosts the
 * built app through ZAF; the companion server (real HTTP, real SQLite store, the emulator's clock) answers
 * GET /api/tickets/:id/sla from histories seeded in its store, as the webhook pipeline would have stored them.
 * Screenshots: test-output/screenshots/sidebar-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { FrameLocator, Page } from 'playwright-core';
import type { Chromium } from '../../../../scripts/chromium';
import type { Condition, TicketEvent, TicketSnapshot } from '../../../../src/core';
import { zendeskApi } from '../../../../src/sandbox/desk/api/zendesk-api';
import type { TicketJson } from '../../../../src/sandbox/desk/api/zendesk-json';
import { seedSandbox, SEED_HISTORY_MS } from '../../../../src/sandbox/desk/seed/seed-sandbox';
import { startAgentDesk, type RunningAgentDesk } from '../../../../src/sandbox/desk/start-agent-desk';
import { DEFAULT_SEED, startZendeskEmulator, type RunningZendeskEmulator } from '../../../../src/sandbox/emulator';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import type { SlaStore } from '../../../../src/server/store/sla-store';
import { launchBrowser, runWebpack, saveScreenshot } from '../../../support/browser';
import { openTestStore, type TestStore } from '../../../support/test-database';

const { createWebpackConfig } = require('../../../../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'development'; outputPath: string; log: (line: string) => void }) => object;
};

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../../..');
/** Monday 2026-11-23, 15:00 in London, where the desk's agent (Maya Patel) works and the office schedule is. */
const NOW = Date.parse('2026-11-23T15:00:00Z');
const london = (hhmm: string) => Date.parse(`2026-11-23T${hhmm}:00Z`);
const SECRET = 'sidebar-test-secret-0123456789abcdef0123';
const credentials = { email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] as string };

let workDir: string;
let emulator: RunningZendeskEmulator;
let testStore: TestStore;
let server: HttpServer;
let desk: RunningAgentDesk;
let browser: Chromium;
let page: Page;
/** The desk tickets whose histories the test gives the server, by the state they show. */
const ticketIds: Record<'onTrack' | 'dueSoon' | 'breached' | 'paused' | 'met' | 'metLate' | 'breachingNow', number> = {} as never;

const snapshot = (id: number, overrides: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  id: String(id), status: 'open', priority: 'normal', type: 'question', groupId: null, assigneeId: null, brandId: null,
  organizationId: null, ticketFormId: null, requesterEmail: null, tags: [], via: 'web', customFields: {}, ...overrides,
});

/** An office schedule, a catch-all policy, a stricter one for urgent tickets and one for Billing; the histories. */
async function seedServer(store: SlaStore, accountId: string, billingGroupId: number): Promise<void> {
  const week = Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]]));
  const schedule = await store.saveSchedule({ accountId, name: 'London office', spec: { timeZone: 'Europe/London', week }, now: NOW });
  if (schedule.kind !== 'saved') throw new Error(schedule.kind);
  const scheduleId = schedule.value.id;
  const policy = async (title: string, condition: Condition | null, firstReplyMinutes: number) =>
    store.savePolicy({
      accountId, authorId: null, now: NOW,
      body: {
        title, description: '', active: true,
        filter: { all: condition ? [condition] : [], any: [] },
        targets: [
          { metric: 'first_reply_time', priority: 'any', targetMinutes: firstReplyMinutes, hours: 'business', scheduleId, warnMinutesBefore: 15 },
          { metric: 'requester_wait_time', priority: 'any', targetMinutes: 480, hours: 'business', scheduleId },
          { metric: 'total_resolution_time', priority: 'any', targetMinutes: 1440, hours: 'calendar' },
        ],
      },
    });
  await policy('Standard', null, 120);
  await policy('Urgent', { field: 'priority', operator: 'is', value: 'urgent' }, 30);
  await policy('Billing', { field: 'group_id', operator: 'is', value: String(billingGroupId) }, 240);
  const histories: Record<keyof typeof ticketIds, (id: number) => TicketEvent[]> = {
    onTrack: (id) => [{ type: 'created', at: london('14:30'), ticket: snapshot(id) }],
    dueSoon: (id) => [{ type: 'created', at: london('13:10'), ticket: snapshot(id) }],
    breached: (id) => [{ type: 'created', at: london('10:00'), ticket: snapshot(id) }],
    paused: (id) => [
      { type: 'created', at: london('13:00'), ticket: snapshot(id) },
      { type: 'comment', at: london('13:20'), public: true, authorRole: 'agent' },
      { type: 'status_changed', at: london('13:20'), from: 'open', to: 'pending' },
    ],
    met: (id) => [
      { type: 'created', at: london('11:00'), ticket: snapshot(id) },
      { type: 'comment', at: london('11:45'), public: true, authorRole: 'agent' },
    ],
    metLate: (id) => [
      { type: 'created', at: london('09:00'), ticket: snapshot(id) },
      { type: 'comment', at: london('11:30'), public: true, authorRole: 'agent' },
    ],
    // Two business hours from 13:00:08: due 15:00:08, eight seconds after the server's (frozen) now, so the
    // sidebar opens on "due soon" and breaches while the test watches.
    breachingNow: (id) => [{ type: 'created', at: london('13:00') + 8000, ticket: snapshot(id) }],
  };
  for (const [key, history] of Object.entries(histories) as [keyof typeof ticketIds, (id: number) => TicketEvent[]][]) {
    const ticketId = ticketIds[key];
    await store.appendTicketEvents({ accountId, ticketId: String(ticketId), events: history(ticketId).map((event, i) => ({ sourceId: `test:${i}`, event })) });
  }
}

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-sidebar-'));
  const appDir = path.join(workDir, 'app');
  await runWebpack(createWebpackConfig({ mode: 'development', outputPath: appDir, log: () => undefined }));
  emulator = await startZendeskEmulator({ clock: { start: NOW - SEED_HISTORY_MS - 3_600_000, mode: 'frozen' } });
  const requirements = JSON.parse(fs.readFileSync(path.join(ROOT, 'requirements.json'), 'utf8')) as Record<string, unknown>;
  const seed = await seedSandbox({ emulatorUrl: emulator.url, credentials, requirements, now: NOW });

  testStore = await openTestStore('sqlite');
  const account = await testStore.store.saveAccount({
    subdomain: 'sandbox', credentials: { kind: 'api_token', email: credentials.email, token: credentials.apiToken },
    webhookSecret: null, appSharedSecret: SECRET, now: NOW,
  });
  const config = loadConfig({});
  if (!config.ok) throw new Error('config');
  server = await buildHttpServer({ config: config.value, store: testStore.store, clock: emulator.clock, log: pino({ level: 'silent' }) });
  const serverUrl = (await server.listen({ port: 0, host: '127.0.0.1' })).replace('127.0.0.1', 'localhost');

  const { tickets } = await zendeskApi(emulator.url, credentials).get<{ tickets: TicketJson[] }>('/tickets?per_page=100');
  const workable = tickets.filter((t) => t.status === 'open' && t.priority !== 'urgent');
  (Object.keys({ onTrack: 0, dueSoon: 0, breached: 0, paused: 0, met: 0, metLate: 0, breachingNow: 0 }) as (keyof typeof ticketIds)[]).forEach((key, i) => {
    ticketIds[key] = (workable[i] as TicketJson).id;
  });
  await seedServer(testStore.store, account.id, seed.groups.billing);

  desk = await startAgentDesk({
    emulatorUrl: emulator.url, credentials, agentEmail: seed.agents[0]?.email, appDistDir: appDir,
    installation: { id: seed.installationId, appId: seed.appId },
    appSettings: { serverUrl, sharedSecret: SECRET }, now: emulator.clock.now,
  });
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await server?.close();
  await testStore?.destroy();
  await emulator?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const sidebar = (): FrameLocator => page.frameLocator('#zaf-app');
const countdownOf = (metric: string) => sidebar().locator(`li[data-metric="${metric}"] [data-countdown]`);

async function openTicket(key: keyof typeof ticketIds): Promise<FrameLocator> {
  await page.goto(`${desk.url}/tickets/${ticketIds[key]}`);
  await page.waitForFunction(() => window.zafHost !== undefined);
  await sidebar().locator('[data-policy]').waitFor();
  return sidebar();
}

/** Reads `read` until it differs from `first` (the sidebar re-renders each second), or gives up after 5 s. */
async function nextValue(read: () => Promise<string>, first: string): Promise<string> {
  for (let i = 0; i < 25; i++) {
    const value = await read();
    if (value !== first) return value;
    await page.waitForTimeout(200);
  }
  return read();
}

describe('the ticket sidebar in the agent desk', () => {
  it('shows the policy, a row per measured target, and a countdown that ticks every second', async () => {
    const app = await openTicket('onTrack');
    await app.getByText('Policy: Standard').waitFor();
    expect(await app.locator('li[data-metric]').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-metric'), row.getAttribute('data-tone')]))).toEqual([
      ['first_reply_time', 'on_track'],
      ['requester_wait_time', 'on_track'],
      ['total_resolution_time', 'on_track'],
    ]);
    const read = () => countdownOf('first_reply_time').innerText();
    const first = await read();
    // Created 14:30, 2 business hours: due 16:30 London, 1 h 30 m left at 15:00, counting down from there. The agent's
    // Zendesk locale is en-US: 12-hour times.
    expect(first).toMatch(/^1 h (30 m 0|29 m \d+) s business · due Mon 4:30 PM · 1 h (30|29) m calendar$/);
    const second = await nextValue(read, first);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^1 h 29 m \d+ s business · due Mon 4:30 PM/);
    await saveScreenshot(page, 'sidebar-on-track', '#zaf-app');
  });

  it.each([
    ['dueSoon', 'due_soon', 'sidebar-due-soon', /^(10 m 0|9 m \d+) s business · due Mon 3:10 PM/],
    ['breached', 'breached', 'sidebar-breached', /^overdue by 3 h \d+ m \d+ s business · was due Mon 12:00 PM/],
    ['met', 'met', 'sidebar-met', /^met Mon 11:45 AM · due Mon 1:00 PM$/],
    ['metLate', 'met_late', 'sidebar-met-late', /^met late Mon 11:30 AM · was due Mon 11:00 AM$/],
  ] as const)('shows a %s first reply in its colour', async (key, tone, screenshot, text) => {
    const app = await openTicket(key);
    await app.locator(`li[data-metric="first_reply_time"][data-tone="${tone}"]`).waitFor();
    expect(await countdownOf('first_reply_time').innerText()).toMatch(text);
    await saveScreenshot(page, screenshot, '#zaf-app');
  });

  it('shows a clock paused by pending with the business time left, and the pause in the timeline', async () => {
    const app = await openTicket('paused');
    await app.locator('li[data-metric="requester_wait_time"][data-tone="paused"]').waitFor();
    expect(await countdownOf('requester_wait_time').innerText()).toBe('paused: pending · 7 h 40 m business left when it resumes');
    await app.getByText(/^Timeline/).click();
    await app.getByText('Mon 1:20 PM: Requester wait time paused: pending').waitFor();
    await app.getByText('Why this policy').click();
    await app.getByText('It has no conditions: it applies to every ticket that no more specific policy matches.').waitFor();
    await saveScreenshot(page, 'sidebar-paused', '#zaf-app');
  });

  it('previews a priority change made in the desk before it is saved, marked as a preview', async () => {
    const app = await openTicket('onTrack');
    expect(await app.locator('[data-preview]').count()).toBe(0);
    await page.getByLabel('Priority').selectOption('urgent');
    const preview = app.locator('[data-preview]');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Preview — What the due times become if you save these changes.');
    // Urgent: 30 business minutes from 14:30.
    await app.getByText('If saved now: policy Urgent (was Standard)').waitFor();
    await app.getByText('If saved now: First reply time due Mon 3:00 PM (was due Mon 4:30 PM)').or(app.getByText('If saved now: First reply time Breached (was due Mon 4:30 PM)')).waitFor();
    // The live row still shows the saved ticket.
    expect(await countdownOf('first_reply_time').innerText()).toContain('due Mon 4:30 PM');
    await saveScreenshot(page, 'sidebar-preview', '#zaf-app');
    // Saved: the sidebar drops the preview and reloads from the server.
    await page.getByRole('button', { name: /Submit as/ }).click();
    await page.getByText('Saved.').waitFor();
    await app.locator('[data-preview]').waitFor({ state: 'detached' });
  });

  it('previews a status change (pending pauses the requester wait) and a group change (another policy)', async () => {
    const app = await openTicket('dueSoon');
    await page.getByLabel('Status').selectOption('pending');
    await app.getByText('If saved now: Requester wait time paused: pending (was due Tue 1:10 PM)').waitFor();
    // The history has no group; moving the ticket to Billing brings the Billing policy: 4 business hours from 13:10 run to Tuesday 09:10.
    await page.getByLabel('Group').selectOption({ label: 'Support' });
    await page.getByLabel('Group').selectOption({ label: 'Billing' });
    await app.getByText('If saved now: policy Billing (was Standard)').waitFor();
    await app.getByText('If saved now: First reply time due Tue 9:10 AM (was due Mon 3:10 PM)').waitFor();
  });

  it('breaches live in the browser, and tells screen readers once, not every tick', async () => {
    const app = await openTicket('breachingNow');
    await app.locator('li[data-metric="first_reply_time"][data-tone="due_soon"]').waitFor();
    expect(await app.locator('[data-announcement]').innerText()).toBe('');
    await app.locator('li[data-metric="first_reply_time"][data-tone="breached"]').waitFor({ timeout: 15_000 });
    expect(await countdownOf('first_reply_time').innerText()).toMatch(/^overdue by 0 m \d+ s business · was due Mon 3:00 PM/);
    const announcement = app.locator('[data-announcement]');
    expect(await announcement.getAttribute('aria-live')).toBe('polite');
    expect(await announcement.textContent()).toBe('First reply time: Breached');
    await saveScreenshot(page, 'sidebar-breached-live', '#zaf-app');
  });

  it('speaks Japanese to an agent whose Zendesk locale is ja', async () => {
    // The emulator has no per-user locale: the desk page's ZAF model is given one, as Zendesk would give it.
    await page.route(`${desk.url}/tickets/*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: (await response.text()).replace('"locale":"en-US"', '"locale":"ja"') });
    });
    const app = await openTicket('onTrack');
    await app.getByText('ポリシー: Standard').waitFor();
    await app.locator('li[data-metric="first_reply_time"]').getByText('初回返信時間').waitFor();
    expect(await countdownOf('first_reply_time').innerText()).toMatch(/^営業時間で残り1時間(30分0|29分\d+)秒 · 期限 16:30 \(月\)/);
    await saveScreenshot(page, 'sidebar-ja', '#zaf-app');
    await page.unroute(`${desk.url}/tickets/*`);
  });

  it('keeps counting down from the last known state when the server goes away, and says so', async () => {
    const app = await openTicket('onTrack');
    await app.getByText('Policy: Standard').waitFor();
    await server.close();
    await page.evaluate(() => window.zafHost?.emit('ticket.updated'));
    await app.getByText('The SLA server cannot be reached.').waitFor();
    await app.getByText('Showing the last known SLA state; it keeps counting down here.').waitFor();
    const read = () => countdownOf('first_reply_time').innerText();
    const first = await read();
    expect(await nextValue(read, first)).not.toBe(first);
    await saveScreenshot(page, 'sidebar-server-down-stale', '#zaf-app');
  });
});
