/**
 * The Reports tab and the policy editor's Simulate in the sandbox desk, in headless Chromium: the built app hosted
 * through the real ZAF protocol, its signed calls going through the desk's proxy to the real server on SQLite.
 * Metric records and ticket histories are seeded through the store, as the pipeline would have written them (a month
 * of tickets whose records the pipeline's own assessment computes, and three hand-made breaches); the admin pages
 * through the breaches, adds an objective (after a problem shown beside its field), downloads the breaches CSV, sets
 * the pause audit's threshold, and simulates a draft policy. Screenshots: test-output/screenshots/admin-reports*.png
 * (admin-reports.png: the whole tab at 1024 px), admin-simulate.png.
 */
import fs from 'node:fs';
import type { FrameLocator, Page } from 'playwright-core';
import type { TicketSnapshot } from '../../../../src/core';
import type { RunningSandbox } from '../../../../src/cli/start-sandbox';
import type { MetricRecord } from '../../../../src/server/store/sla-store';
import { saveScreenshot } from '../../../support/browser';
import { openAdminPage, type AdminPageSession } from './support/admin-page-session';
import { seedReportHistory } from './support/report-history-seed';

jest.setTimeout(240_000);

const MINUTE = 60_000;
/** Breaches per page of the Reports tab's list. */
const PAGE = 25;

let sandbox: RunningSandbox;
let page: Page;
let app: FrameLocator;
let accountId: string;
let policyTitle: string;

const snapshot = (id: string): TicketSnapshot => ({
  id, status: 'open', priority: 'urgent', type: 'question', groupId: null, assigneeId: null, brandId: null,
  organizationId: null, ticketFormId: null, requesterEmail: null, tags: [], via: 'web', customFields: {},
});

/** Two urgent tickets whose first reply breached an hour ago and one met on time, under the sandbox's first policy. */
async function seedRecords(running: RunningSandbox, accountId: string, now: number): Promise<void> {
  const store = running.server.store;
  const [policy] = await store.listPolicies(accountId);
  if (!policy) throw new Error('the sandbox has no policy');
  policyTitle = policy.body.title;
  const record = (ticketId: string, overrides: Partial<MetricRecord>): MetricRecord => ({
    accountId, ticketId, metric: 'first_reply_time', instance: 1, policyId: policy.id, priority: 'urgent', groupId: null,
    assigneeId: null, brandId: null, organizationId: null, via: 'web', status: 'breached', startedAt: now - 180 * MINUTE,
    dueAt: now - 120 * MINUTE, fulfilledAt: null, breachedAt: now - 120 * MINUTE, businessMinutes: 180, calendarMinutes: 180, ...overrides,
  });
  for (const ticketId of ['9001', '9002', '9003']) {
    await store.appendTicketEvents({ accountId, ticketId, events: [{ sourceId: `seed:${ticketId}`, event: { type: 'created', at: now - 180 * MINUTE, ticket: snapshot(ticketId) } }] });
  }
  await store.saveMetricRecords(
    [
      record('9001', {}),
      record('9002', { breachedAt: now - 100 * MINUTE, startedAt: now - 160 * MINUTE, dueAt: now - 100 * MINUTE }),
      record('9003', { status: 'met', dueAt: now + 60 * MINUTE, breachedAt: null, fulfilledAt: now - 170 * MINUTE, businessMinutes: 10, calendarMinutes: 10 }),
    ],
    now,
  );
}

let session: AdminPageSession;

beforeAll(async () => {
  session = await openAdminPage(async (running, id) => {
    await seedRecords(running, id, Date.now());
    await seedReportHistory(running, id, Date.now(), 140);
  });
  ({ sandbox, page, app, accountId } = session);
});

afterAll(() => session?.close());

describe('the Reports tab in the sandbox desk', () => {
  it('lists the period’s breaches, newest first, with policy and target, and filters them by priority', async () => {
    await app.getByRole('tab', { name: 'Reports' }).click();
    await app.getByLabel('Period').selectOption({ label: 'Last 30 days' });
    const list = app.locator('[data-breach-list]');
    await list.locator('[data-breach]').first().waitFor();
    const shown = () => list.locator('[data-breach]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-breach')));
    // The sandbox's demo tickets have breaches of their own; the seeded ones are listed newest first among them.
    const ids = await shown();
    expect(ids.indexOf('9002/first_reply_time')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('9002/first_reply_time')).toBeLessThan(ids.indexOf('9001/first_reply_time'));
    const first = await list.locator('[data-breach="9001/first_reply_time"]').innerText();
    expect(first).toContain('#9001');
    expect(first).toMatch(/\b2(\.\d)? hours\b/);
    expect(first).toContain(policyTitle);
    expect(first).toContain('First reply time · Urgent');
    expect(ids).toHaveLength(PAGE);
    await list.getByText(new RegExp(`^Showing 1–${PAGE} of \\d+ breaches, newest first\\.$`)).waitFor();
    await saveScreenshot(page, 'admin-reports-top');

    // Filtered by priority, the list is what the store holds for urgent tickets in the period.
    await app.getByLabel('Priority', { exact: true }).first().selectOption({ label: 'Urgent' });
    const now = Date.now();
    const urgent = await sandbox.server.store.listBreachRecords({ accountId, from: now - 31 * 86_400_000, to: now + 86_400_000, filters: { priority: 'urgent' }, limit: PAGE, offset: 0 });
    const expected = urgent.records.map((r) => `${r.ticketId}/${r.metric}`);
    await list.getByText(`Showing 1–${expected.length} of ${urgent.total} breaches, newest first.`).waitFor();
    expect(await shown()).toEqual(expected);
    await saveScreenshot(page, 'admin-reports-filtered');
    await app.getByLabel('Priority', { exact: true }).first().selectOption({ label: 'Any' });
    await list.getByText(`Showing 1–${PAGE} of`, { exact: false }).waitFor();
  });

  it('pages through the breaches with Next and Previous, and starts again at the newest when a filter changes', async () => {
    const list = app.locator('[data-breach-list]');
    const shown = () => list.locator('[data-breach]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-breach')));
    const now = Date.now();
    const slice = { accountId, from: now - 31 * 86_400_000, to: now + 86_400_000 };
    const all = await sandbox.server.store.listBreachRecords({ ...slice, limit: 500, offset: 0 });
    expect(all.total).toBeGreaterThan(2 * PAGE); // three pages at least: Next twice, then Previous
    const pages = Math.ceil(all.total / PAGE);
    const idsOf = (records: readonly MetricRecord[]) => records.map((r) => `${r.ticketId}/${r.metric}`);
    const nav = app.getByRole('navigation', { name: 'Breach list pages' });
    await nav.getByText(`Page 1 of ${pages}`).waitFor();
    expect(await nav.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

    await nav.getByRole('button', { name: 'Next' }).click();
    await list.getByText(`Showing ${PAGE + 1}–${2 * PAGE} of ${all.total} breaches, newest first.`).waitFor();
    expect(await shown()).toEqual(idsOf(all.records.slice(PAGE, 2 * PAGE)));
    await nav.getByRole('button', { name: 'Next' }).click();
    await list.getByText(`Showing ${2 * PAGE + 1}–${Math.min(3 * PAGE, all.total)} of ${all.total} breaches, newest first.`).waitFor();
    expect(await shown()).toEqual(idsOf(all.records.slice(2 * PAGE, 3 * PAGE)));
    await nav.getByText(`Page 3 of ${pages}`).waitFor();
    await nav.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-reports-page-3');
    await nav.getByRole('button', { name: 'Previous' }).click();
    await list.getByText(`Showing ${PAGE + 1}–${2 * PAGE} of ${all.total} breaches, newest first.`).waitFor();

    // Paging keeps the filters; another filter starts again at the newest breaches it matches.
    await app.getByLabel('Priority', { exact: true }).first().selectOption({ label: 'High' });
    const high = await sandbox.server.store.listBreachRecords({ ...slice, filters: { priority: 'high' }, limit: PAGE, offset: 0 });
    await list.getByText(`Showing 1–${high.records.length} of ${high.total} breaches, newest first.`).waitFor();
    expect(await shown()).toEqual(idsOf(high.records));
    if (high.total > PAGE) {
      await nav.getByRole('button', { name: 'Next' }).click();
      const second = await sandbox.server.store.listBreachRecords({ ...slice, filters: { priority: 'high' }, limit: PAGE, offset: PAGE });
      await list.getByText(`Showing ${PAGE + 1}–${PAGE + second.records.length} of ${high.total} breaches, newest first.`).waitFor();
      expect(await shown()).toEqual(idsOf(second.records));
    }
    await app.getByLabel('Priority', { exact: true }).first().selectOption({ label: 'Any' });
    await list.getByText(`Showing 1–${PAGE} of ${all.total} breaches, newest first.`).waitFor();
  });

  it('downloads the breaches and the compliance as CSV through the signed call', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), app.locator('[data-csv="breaches"]').click()]);
    expect(download.suggestedFilename()).toBe('sla-breaches.csv');
    const text = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(text.split('\r\n')[0]).toMatch(/^ticket_id,ticket_url,metric,/);
    expect(text).toContain('9001,');
    expect(text).toContain('9002,');
    // Every breach of the period, not the page on screen.
    const now = Date.now();
    const { total } = await sandbox.server.store.listBreachRecords({ accountId, from: now - 31 * 86_400_000, to: now + 86_400_000, limit: 0, offset: 0 });
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + total);

    // Compliance, grouped as on screen (by metric), with the same period and filters.
    const [compliance] = await Promise.all([page.waitForEvent('download'), app.locator('[data-csv="compliance"]').click()]);
    expect(compliance.suggestedFilename()).toBe('sla-compliance.csv');
    const rows = fs.readFileSync((await compliance.path()) as string, 'utf8').trim().split('\r\n');
    expect(rows[0]).toMatch(/^metric,tickets,instances,met,met_late,breached,/);
    expect(rows.some((row) => row.startsWith('first_reply_time,'))).toBe(true);
  });

  it('adds an objective after showing a problem beside its field, and shows where it stands', async () => {
    const form = app.locator('[data-objective-form]');
    await form.getByLabel('Within (business minutes)').fill('0');
    await form.getByRole('button', { name: 'Add objective' }).click();
    await form.locator('[data-problem-path="title"]').getByText('This field is required.').waitFor();
    await form.locator('[data-problem-path="targetMinutes"]').getByText('Enter a number greater than 0.').waitFor();
    await saveScreenshot(page, 'admin-reports-objective-validation');

    await form.getByLabel('Objective name').fill('Urgent first replies');
    await form.getByLabel('Priority').selectOption({ label: 'Urgent' });
    await form.getByLabel('Within (business minutes)').fill('60');
    await form.getByRole('button', { name: 'Add objective' }).click();
    await app.getByText('Objective “Urgent first replies” added.').waitFor();
    const row = app.locator('[data-objective="Urgent first replies"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('95% of First reply time (Urgent) within 60 business minutes, per month');
    const stored = await sandbox.server.store.listObjectives(accountId);
    expect(stored.map((s) => s.objective)).toEqual([expect.objectContaining({ title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, percent: 95, period: 'month' })]);
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-reports-objectives');
  });

  it('shows the pause audit per agent for the period', async () => {
    const audit = app.locator('[data-pause-audit]');
    await audit.waitFor();
    const rows = await audit.locator('tbody tr').allInnerTexts();
    expect(rows.length).toBeGreaterThan(0);
    // Each row: an agent's name (or "unassigned"), then counts and hours paused.
    for (const text of rows) expect(text).toMatch(/^.+\t\d+\t\d+\t\d+\t\d+\t[\d.,]+$/);
    await audit.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-reports-pauses');
  });

  it('recounts the pause audit with the threshold the admin types, and refuses one out of range', async () => {
    const audit = app.locator('[data-pause-audit]');
    const quickTotal = async () => (await audit.locator('tbody tr').allInnerTexts()).reduce((sum, row) => sum + Number(row.split('\t')[2]), 0);
    await audit.getByText('Within 5 min of a customer reply').waitFor();
    const atFive = await quickTotal();
    const threshold = app.getByLabel('Quick pause threshold (minutes)');
    expect(await threshold.inputValue()).toBe('5');

    const asked = page.waitForRequest((request) => request.url().endsWith('/zaf-proxy') && (request.postData() ?? '').includes('quickMinutes=60'));
    await threshold.fill('60');
    await asked;
    await audit.getByText('Within 60 min of a customer reply').waitFor();
    // The seeded agents answer some replies after 20 minutes to 6 hours and then pause: within the hour, those count too.
    expect(await quickTotal()).toBeGreaterThan(atFive);

    await threshold.fill('0');
    await app.getByText('Enter a whole number of minutes from 1 to 1440.').waitFor();
    expect(await audit.getByText('Within 60 min of a customer reply').count()).toBe(1);
    await threshold.fill('60');
    expect(await app.getByText('Enter a whole number of minutes from 1 to 1440.').count()).toBe(0);
  });

  it('shows the whole tab, compliance to pause audit, at 1024 px wide without cutting anything off', async () => {
    await page.setViewportSize({ width: 1024, height: 1000 });
    try {
      const body = app.locator('body');
      const size = await body.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth, height: b.scrollHeight }));
      expect(size.scroll).toBeLessThanOrEqual(size.client); // nothing wider than the page (no horizontal scrolling)
      await page.setViewportSize({ width: 1024, height: size.height + 60 });
      await app.locator('[data-pause-audit]').waitFor();
      await saveScreenshot(page, 'admin-reports');
    } finally {
      await page.setViewportSize({ width: 1366, height: 1000 });
    }
  });

  it('deletes the objective', async () => {
    await app.getByRole('button', { name: 'Delete objective “Urgent first replies”' }).click();
    await app.getByText('Objective deleted.').waitFor();
    await app.getByText('No objectives yet. Add one below.').waitFor();
    expect(await sandbox.server.store.listObjectives(accountId)).toEqual([]);
  });
});

describe('Simulate in the policy editor', () => {
  it('replays the last 30 days under the draft and shows it beside the current rules, breaches added and avoided', async () => {
    await app.getByRole('tab', { name: 'Policies' }).click();
    await app.getByRole('button', { name: `Edit “${policyTitle}”` }).click();
    // A far looser urgent first-reply target: the demo's breached urgent first replies under this policy would be met.
    await app.getByLabel('First reply time, Urgent: target in minutes').fill('5000');
    // ...and a far stricter next reply (45 business minutes instead of 2 hours, still past its 30-minute warning):
    // replies that were on time turn late.
    await app.getByLabel('Next reply time, Any priority: target in minutes').fill('45');
    const before = await sandbox.server.store.listPolicies(accountId);
    await app.getByRole('button', { name: 'Simulate' }).click();
    const result = app.locator('[data-simulation]');
    await result.waitFor();
    const text = await result.innerText();
    expect(text).toContain('Simulation: this draft vs the current policies (nothing saved)');
    expect(text).toMatch(/\d+ tickets? replayed/);
    expect(text).toMatch(/\b[1-9]\d* breach(es)? the draft would add/);
    expect(text).toMatch(/\b[1-9]\d* breach(es)? the draft would avoid/);
    // A simulation saves nothing.
    expect(await sandbox.server.store.listPolicies(accountId)).toEqual(before);
    await result.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-simulate');
  });
});
