/**
 * Editing an objective and its budget alerts on the Reports tab (issue #6), in headless Chromium: the built app in
 * the sandbox desk through the real ZAF protocol, its signed calls going through the desk's proxy to the real
 * server on SQLite, which keeps the objective's budget trigger in the sandbox's Zendesk (the emulator) in sync.
 * The admin opens a stored objective, sees the browser's problems beside the alert fields and the server's
 * problem beside the field it names, saves the edit with alerts on, then turns them off again.
 * Screenshots: test-output/screenshots/admin-objective-edit*.png.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { RunningSandbox } from '../../../../src/cli/start-sandbox';
import { saveScreenshot } from '../../../support/browser';
import { openAdminPage, type AdminPageSession } from './support/admin-page-session';

jest.setTimeout(240_000);

let session: AdminPageSession;
let sandbox: RunningSandbox;
let page: Page;
let app: FrameLocator;
let accountId: string;
let objectiveId: string;

beforeAll(async () => {
  session = await openAdminPage(async (running, id) => {
    const saved = await running.server.store.saveObjective({
      accountId: id,
      body: { title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', organizationId: null, policyId: null, targetMinutes: 60, percent: 95, period: 'month', timeZone: 'Europe/Warsaw' },
      now: Date.now(),
    });
    objectiveId = saved!.objective.id;
  });
  ({ sandbox, page, app, accountId } = session);
});

afterAll(() => session?.close());

/** The budget triggers in the sandbox's Zendesk, as its admin API lists them. */
async function budgetTriggers(): Promise<{ title: string; active: boolean; actions: { field: string; value: unknown }[] }[]> {
  const auth = Buffer.from(`${sandbox.credentials.email}/token:${sandbox.credentials.apiToken}`).toString('base64');
  const response = await fetch(`${sandbox.emulator.url}/api/v2/triggers.json`, { headers: { authorization: `Basic ${auth}` } });
  const { triggers } = (await response.json()) as { triggers: { title: string; active: boolean; actions: { field: string; value: unknown }[] }[] };
  return triggers.filter((t) => t.title.startsWith('SLA budget alert: '));
}

describe('editing an objective on the Reports tab', () => {
  it('edits an objective with its budget alert, showing each problem beside its field, and keeps Zendesk’s trigger in step', async () => {
    await app.getByRole('tab', { name: 'Reports' }).click();
    const row = app.locator('[data-objective="Urgent first replies"]');
    await row.waitFor();
    expect(await row.locator('[data-objective-alert]').innerText()).toBe('No budget alert');

    await row.getByRole('button', { name: 'Edit objective “Urgent first replies”' }).click();
    const form = app.locator('[data-objective-form="edit"]');
    await form.getByText('Editing “Urgent first replies”').waitFor();
    expect(await form.getByLabel('Objective name').inputValue()).toBe('Urgent first replies');
    expect(await form.getByLabel('Within (business minutes)').inputValue()).toBe('60');
    expect(await form.getByLabel('Alert at budget left (%)').inputValue()).toBe('25');

    // The browser's check: alerts on with nobody to mail, a threshold over 100, a typo in an address.
    await form.getByText('Email when the error budget runs low').click();
    await form.getByLabel('Alert at budget left (%)').fill('150');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.locator('[data-problem-path="alert.recipients"]').getByText('This field is required.').waitFor();
    await form.locator('[data-problem-path="alert.thresholdPercent"]').getByText('This is too large.').waitFor();
    await form.getByLabel('Recipients').fill('lead@example.test, ops(at)example');
    await form.getByLabel('Alert at budget left (%)').fill('30');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.locator('[data-problem-path="alert.recipients.1"]').getByText('“ops(at)example” is not an email address.').waitFor();
    expect(await form.locator('[data-problem-path="alert.thresholdPercent"]').count()).toBe(0);
    await saveScreenshot(page, 'admin-objective-edit-validation');

    // What only the server knows: an address the browser's typo check lets through but the server refuses is
    // shown beside the recipients, under the path the server names.
    await form.getByLabel('Recipients').fill('lead@example.test\nops@example..test');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.locator('[data-problem-path="alert.recipients.1"]').getByText('“ops@example..test” is not an email address.').waitFor();

    await form.getByLabel('Recipients').fill('lead@example.test\nops@example.test');
    await form.getByLabel('Per').selectOption({ label: 'week' });
    await form.getByRole('button', { name: 'Save changes' }).click();
    await app.getByText('Objective “Urgent first replies” saved.').waitFor();
    await app.locator('[data-objective-form="create"]').waitFor();
    await row.getByText('Budget alert at 30% left, to lead@example.test, ops@example.test').waitFor();
    expect(await row.innerText()).toContain('95% of First reply time (Urgent) within 60 business minutes, per week');
    const [stored] = await sandbox.server.store.listObjectives(accountId);
    expect(stored?.objective).toEqual(expect.objectContaining({ id: objectiveId, title: 'Urgent first replies', period: 'week', timeZone: 'Europe/Warsaw' }));
    expect(stored?.alert).toEqual({ enabled: true, thresholdPercent: 30, recipients: ['lead@example.test', 'ops@example.test'] });
    // Zendesk has the objective's trigger: it mails both recipients and takes its tag off.
    const [trigger] = await budgetTriggers();
    expect(trigger?.title).toMatch(/^SLA budget alert: Urgent first replies \[[0-9a-f]{12}\]$/);
    expect(trigger?.actions.filter((a) => a.field === 'notification_user')).toHaveLength(2);
    expect(trigger?.actions.some((a) => a.field === 'remove_tags')).toBe(true);
    await row.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'admin-objective-edit');

    // Alerts off again: saved, and the trigger is gone.
    await row.getByRole('button', { name: 'Edit objective “Urgent first replies”' }).click();
    await form.getByText('Email when the error budget runs low').click();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await app.getByText('Objective “Urgent first replies” saved.').waitFor();
    await row.getByText('No budget alert').waitFor();
    expect((await sandbox.server.store.listObjectives(accountId))[0]?.alert.enabled).toBe(false);
    expect(await budgetTriggers()).toEqual([]);

    // Cancel leaves the objective as it was.
    await row.getByRole('button', { name: 'Edit objective “Urgent first replies”' }).click();
    await form.getByLabel('Objective name').fill('Renamed but not saved');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await app.locator('[data-objective-form="create"]').waitFor();
    expect((await sandbox.server.store.listObjectives(accountId))[0]?.objective.title).toBe('Urgent first replies');
  });
});
