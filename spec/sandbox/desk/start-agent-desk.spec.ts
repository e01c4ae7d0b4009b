/**
 * The agent desk end to end in headless Chromium: the emulator seeded with the demo account, the desk hosting the
 * built app through ZAF, an agent working a ticket, the clock moving and a trigger's mail reaching the outbox.
 * Screenshots: test-output/screenshots/desk-*.png.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Chromium } from '../../../scripts/chromium';
import { DEFAULT_SEED, startZendeskEmulator, type RunningZendeskEmulator } from '../../../src/sandbox/emulator';
import { zendeskApi, type ZendeskApi } from '../../../src/sandbox/desk/api/zendesk-api';
import type { AuditJson, TicketJson } from '../../../src/sandbox/desk/api/zendesk-json';
import { seedSandbox, SEED_HISTORY_MS, type SandboxSeed } from '../../../src/sandbox/desk/seed/seed-sandbox';
import { startAgentDesk, type RunningAgentDesk } from '../../../src/sandbox/desk/start-agent-desk';
import { launchBrowser, runWebpack, saveScreenshot, startTestServer } from '../../support/browser';

const { createWebpackConfig } = require('../../../webpack.config.js') as {
  createWebpackConfig: (options: { mode: 'development'; outputPath: string; log: (line: string) => void }) => object;
};

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, '../../..');
const NOW = Date.parse('2026-11-23T15:00:00Z');
const DAY_MS = 86_400_000;
const credentials = { email: DEFAULT_SEED.admin.email, apiToken: DEFAULT_SEED.apiTokens[0] as string };

let workDir: string;
let emulator: RunningZendeskEmulator;
let desk: RunningAgentDesk;
let browser: Chromium;
let page: Page;
let seed: SandboxSeed;
let api: ZendeskApi;
let ticket: TicketJson;

beforeAll(async () => {
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sla-desk-'));
  const appDir = path.join(workDir, 'app');
  await runWebpack(createWebpackConfig({ mode: 'development', outputPath: appDir, log: () => undefined }));
  emulator = await startZendeskEmulator({ clock: { start: NOW - SEED_HISTORY_MS - 3_600_000, mode: 'frozen' } });
  const requirements = JSON.parse(fs.readFileSync(path.join(ROOT, 'requirements.json'), 'utf8')) as Record<string, unknown>;
  seed = await seedSandbox({ emulatorUrl: emulator.url, credentials, requirements, now: NOW });
  api = zendeskApi(emulator.url, credentials);
  // No SLA server in this test: the sidebar shows the ticket and then that the server cannot be reached.
  const closedServer = await startTestServer(() => undefined).then(async (s) => (await s.close(), s.origin.replace('127.0.0.1', 'localhost')));
  desk = await startAgentDesk({
    emulatorUrl: emulator.url,
    credentials,
    agentEmail: seed.agents[0]?.email,
    appDistDir: appDir,
    installation: { id: seed.installationId, appId: seed.appId },
    appSettings: { serverUrl: closedServer, sharedSecret: 'desk-test-secret-0123456789abcdef0123' },
    now: emulator.clock.now,
  });
  const { tickets } = await api.get<{ tickets: TicketJson[] }>('/tickets?per_page=100');
  ticket = tickets.find((t) => t.status === 'open' && t.assignee_id !== null) as TicketJson;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 800 });
});

afterAll(async () => {
  await browser?.close();
  await desk?.close();
  await emulator?.close();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const headerTime = () => page.locator('time[data-emulator-now]').getAttribute('datetime');
const posted = () => page.evaluate(() => window.zafHost?.posted.map((text) => JSON.parse(text) as { key?: string; message?: unknown }) ?? []);
const audits = async (id: number) => (await api.get<{ audits: AuditJson[] }>(`/tickets/${id}/audits`)).audits;

describe('the agent desk', () => {
  it('lists every ticket with requester, status, priority, group and assignee', async () => {
    await page.goto(`${desk.url}/tickets`);
    expect(await page.locator('tbody tr').count()).toBe(36);
    const cells = await page.locator(`tr[data-ticket-id="${ticket.id}"] td`).allInnerTexts();
    const requester = seed.customers.find((c) => c.id === ticket.requester_id)?.name;
    const assignee = seed.agents.find((a) => a.id === ticket.assignee_id)?.name;
    const group = ticket.group_id === seed.groups.support ? 'Support' : 'Billing';
    const priority = (ticket.priority ?? '').replace(/^./, (c) => c.toUpperCase());
    expect(cells.slice(1, 8)).toEqual([`#${ticket.id}`, ticket.subject, requester, 'Open', priority, group, assignee]);
    await saveScreenshot(page, 'desk-ticket-list');
  });

  it('disables "to next breach" with a reason while no ticket has an SLA due time', async () => {
    const button = page.getByRole('button', { name: 'To next breach' });
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toMatch(/No unsolved ticket has an SLA due time/);
  });

  it('opens a ticket with its conversation and registers the app in the sidebar through ZAF', async () => {
    await page.locator(`tr[data-ticket-id="${ticket.id}"] a`).first().click();
    await page.waitForFunction(() => window.zafHost !== undefined);
    await page.evaluate(() => window.zafHost?.registered);
    await page.frameLocator('#zaf-app').getByText(`Ticket #${ticket.id}`).waitFor();
    expect(await page.locator('.comment').count()).toBeGreaterThanOrEqual(1);
  });

  it('posts a public reply as the agent: it shows in the conversation and as an audit in Zendesk', async () => {
    await page.getByLabel('Comment', { exact: true }).fill('Hello from the sandbox desk: we are on it.');
    await page.getByRole('button', { name: /Submit as/ }).click();
    await page.locator('.comment.public', { hasText: 'Hello from the sandbox desk' }).waitFor();
    const comment = (await audits(ticket.id)).flatMap((a) => a.events).find((e) => e.type === 'Comment' && e.body.startsWith('Hello from the sandbox desk'));
    expect(comment).toMatchObject({ public: true, author_id: seed.agents[0]?.id });
    expect((await posted()).map((m) => m.key)).toEqual(expect.arrayContaining(['zaf.ticket.submit.start', 'zaf.ticket.save', 'zaf.ticket.submit.done']));
  });

  it('shows internal notes apart from public replies', async () => {
    await page.getByLabel('Comment', { exact: true }).fill('Internal: checking with engineering.');
    await page.getByLabel('Comment kind').selectOption('internal');
    await page.getByRole('button', { name: /Submit as/ }).click();
    const note = page.locator('.comment.internal', { hasText: 'Internal: checking with engineering.' });
    await note.waitFor();
    expect(await note.innerText()).toContain('Internal note');
  });

  it('tells the app about a priority change before saving, then saves it', async () => {
    await page.getByLabel('Priority').selectOption('urgent');
    await page.waitForFunction(() => window.zafHost?.posted.some((text) => text.includes('zaf.ticket.priority.changed')));
    expect(await posted()).toEqual(
      expect.arrayContaining([
        { key: 'zaf.ticket.priority.changed', message: 'urgent' },
        { key: 'zaf.*.changed', message: { propertyName: 'ticket.priority', newValue: 'urgent' } },
      ]),
    );
    expect((await api.get<{ ticket: TicketJson }>(`/tickets/${ticket.id}`)).ticket.priority).not.toBe('urgent');
    await page.getByRole('button', { name: /Submit as/ }).click();
    await page.getByText('Saved.').waitFor();
    expect((await api.get<{ ticket: TicketJson }>(`/tickets/${ticket.id}`)).ticket.priority).toBe('urgent');
    await saveScreenshot(page, 'desk-ticket-view');
  });

  it('moves the emulator clock a day forward from the header', async () => {
    const before = Date.parse((await headerTime()) as string);
    await page.getByRole('button', { name: '+1 day' }).click();
    await page.waitForFunction((old) => document.querySelector('time[data-emulator-now]')?.getAttribute('datetime') !== old, new Date(before).toISOString().replace('.000', ''));
    expect(Date.parse((await headerTime()) as string) - before).toBe(DAY_MS);
    expect(page.url()).toBe(`${desk.url}/tickets/${ticket.id}`);
  });

  it('moves the clock just past the earliest SLA due time once the server has written one', async () => {
    const now = Date.parse((await headerTime()) as string);
    const due = new Date(now + 90 * 60_000).toISOString().replace('.000', '');
    await api.put(`/tickets/${ticket.id}`, { ticket: { custom_fields: [{ id: seed.requirements.sla_next_due_at, value: due }] } });
    await page.reload();
    await page.getByRole('button', { name: 'To next breach' }).click();
    await page.waitForURL(`${desk.url}/tickets/${ticket.id}`);
    expect(Date.parse((await headerTime()) as string)).toBe(Date.parse(due) + 1000);
  });

  it('shows a change someone else makes to the open ticket without a reload, and tells the app with ticket.updated', async () => {
    const before = (await posted()).filter((m) => m.key === 'zaf.ticket.updated').length;
    await api.put(`/tickets/${ticket.id}`, { ticket: { custom_fields: [{ id: seed.requirements.sla_status, value: 'sla_status_due_soon' }] } });
    await page.locator('#sla-status', { hasText: /due soon/i }).waitFor();
    await page.waitForFunction((count) => (window.zafHost?.posted.filter((text) => text.includes('"zaf.ticket.updated"')).length ?? 0) > count, before);
    expect(await page.getByLabel('Tags').inputValue()).toContain('sla_status_due_soon');
  });

  it('shows the mail an installed trigger sends: a breach tag on an assigned ticket notifies the assignee', async () => {
    await page.getByLabel('Tags').fill(`${ticket.tags.join(' ')} sla_out_first_reply_time`);
    await page.getByRole('button', { name: /Submit as/ }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Outbox' }).click();
    const mail = page.locator('.mail', { hasText: 'trigger “Out of SLA: notify assignee”' });
    await mail.waitFor();
    const assignee = seed.agents.find((a) => a.id === ticket.assignee_id);
    expect(await mail.innerText()).toContain(`to ${assignee?.email}`);
    expect(await mail.innerText()).toContain(`[Ticket #${ticket.id}] Out of SLA: ${ticket.subject}`);
    await saveScreenshot(page, 'desk-outbox');
  });

  it("runs the app's relative /api/v2 requests against the account as the signed-in agent", async () => {
    const ask = (url: string) =>
      page.evaluate(
        async (options) => (await (await fetch('/zaf-proxy', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ options }) })).json()) as { status: number; responseText: string },
        { url, type: 'GET' },
      );
    const me = await ask('/api/v2/users/me.json');
    expect(me.status).toBe(200);
    expect(JSON.parse(me.responseText).user.email).toBe(seed.agents[0]?.email);
    const groups = await ask('/api/v2/groups.json?per_page=100');
    expect(JSON.parse(groups.responseText).groups.map((g: { id: number }) => g.id)).toEqual(expect.arrayContaining([seed.groups.support, seed.groups.billing]));
    expect((await ask('/__sandbox/clock')).status).toBe(400);
  });

  it('hosts the app’s nav bar location as a desk view', async () => {
    await page.getByRole('link', { name: 'SLA Clock' }).click();
    await page.waitForFunction(() => window.zafHost !== undefined);
    await page.evaluate(() => window.zafHost?.registered);
    expect(await page.evaluate(() => window.zafHost?.posted[0])).toContain('"location":"nav_bar"');
  });
});
