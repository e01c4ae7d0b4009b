/**
 * The admin page (nav_bar) in the sandbox desk, in headless Chromium: the built app hosted through the real ZAF
 * protocol, its signed calls going through the desk's proxy to the real companion server on SQLite. An admin creates
 * a schedule and a policy through the UI, sees them saved, reorders and deactivates a policy, sets who is emailed,
 * and sees validation errors beside the field, from the browser's check and from the server's answer.
 * Screenshots: test-output/screenshots/admin-*.png.
 */
import type { FrameLocator, Page } from 'playwright-core';
import type { RunningSandbox } from '../../../../src/cli/start-sandbox';
import { saveScreenshot } from '../../../support/browser';
import { openAdminPage, type AdminPageSession } from './support/admin-page-session';

jest.setTimeout(240_000);

let sandbox: RunningSandbox;
let page: Page;
let app: FrameLocator;
let accountId: string;

let session: AdminPageSession;

beforeAll(async () => {
  session = await openAdminPage();
  ({ sandbox, page, app, accountId } = session);
});

afterAll(() => session?.close());

const schedulesNamed = async (name: string) => (await sandbox.server.store.listSchedules(accountId)).filter((s) => s.name === name);
const policiesTitled = async (title: string) => (await sandbox.server.store.listPolicies(accountId)).filter((p) => p.body.title === title);

/** Scrolls the app's frame to `locator`'s element, then saves a screenshot of the desk with the app in it. */
async function screenshot(name: string, at?: ReturnType<FrameLocator['locator']>) {
  if (at) await at.scrollIntoViewIfNeeded();
  await saveScreenshot(page, name);
}

describe('the admin page in the sandbox desk', () => {
  it('creates a schedule with split and overnight hours, a yearly holiday and an exception, after showing a wrong time beside its field', async () => {
    await app.getByRole('tab', { name: 'Schedules' }).click();
    await app.getByRole('button', { name: 'New schedule' }).click();
    await app.getByLabel('Name', { exact: true }).fill('Kraków support');
    await app.getByLabel('Time zone').selectOption('Europe/Warsaw');
    await app.getByLabel('Monday, hours 1: to').fill('13:00');
    await app.getByRole('button', { name: 'Add hours on Monday' }).click();
    await app.getByLabel('Monday, hours 2: from').fill('14:00');
    await app.getByLabel('Monday, hours 2: to').fill('18:00');
    await app.getByLabel('Friday, hours 1: from').fill('22:00');
    await app.getByLabel('Friday, hours 1: to').fill('06:00');
    await app.locator('[data-day-hours="week.fri"]').getByText('overnight, ends the next day').waitFor();
    await app.getByLabel('Tuesday, hours 1: to').fill('25:00');
    await app.getByRole('button', { name: 'Add holiday' }).click();
    await app.getByLabel('Holiday 1', { exact: true }).fill('12-25');
    await app.getByRole('button', { name: 'Add exception' }).click();
    await app.getByLabel('Exception 1: date', { exact: true }).fill('2026-12-24');

    await app.getByRole('button', { name: 'Save schedule' }).click();
    const tuesday = app.locator('[data-day-hours="week.tue"]');
    await tuesday.getByText('Enter a time of day as HH:MM').waitFor();
    expect(await app.locator('[data-problem-path]').count()).toBe(1);
    expect(await schedulesNamed('Kraków support')).toEqual([]);
    await screenshot('admin-schedule-validation', tuesday);

    await app.getByLabel('Tuesday, hours 1: to').fill('17:00');
    await app.getByRole('button', { name: 'Save schedule' }).click();
    await app.getByText('Schedule “Kraków support” saved.').waitFor();
    await app.locator('[data-schedule-id]', { hasText: 'Kraków support' }).waitFor();
    const [saved] = await schedulesNamed('Kraków support');
    expect(saved?.spec).toEqual({
      timeZone: 'Europe/Warsaw',
      week: {
        mon: [['09:00', '13:00'], ['14:00', '18:00']],
        tue: [['09:00', '17:00']],
        wed: [['09:00', '17:00']],
        thu: [['09:00', '17:00']],
        fri: [['22:00', '06:00']],
        sat: [],
        sun: [],
      },
      holidays: ['12-25'],
      exceptions: { '2026-12-24': [['09:00', '13:00']] },
    });
    await screenshot('admin-schedules');
  });

  it('shows the server’s refusal of a duplicate name beside the name field', async () => {
    await app.getByRole('button', { name: 'New schedule' }).click();
    await app.getByLabel('Name', { exact: true }).fill('Kraków support');
    await app.getByRole('button', { name: 'Save schedule' }).click();
    const name = app.locator('[data-problem-path="name"]');
    await name.waitFor();
    expect(await name.innerText()).toBe('Another schedule already has this name.');
    await screenshot('admin-schedule-duplicate-name', name);
    await app.getByRole('button', { name: 'Cancel' }).click();
    expect(await schedulesNamed('Kraków support')).toHaveLength(1);
  });

  it('creates a policy with a condition and a business-hours target, reviewing its impact first', async () => {
    await app.getByRole('tab', { name: 'Policies' }).click();
    await app.getByRole('button', { name: 'New policy' }).click();
    await app.getByRole('button', { name: 'Save policy' }).click();
    const title = app.locator('[data-problem-path="title"]');
    await title.waitFor();
    expect(await title.innerText()).toBe('This field is required.');

    await app.getByLabel('Name', { exact: true }).fill('Urgent tickets');
    await app.getByRole('button', { name: 'Add condition (all)' }).click();
    await app.getByLabel('Condition 1: field').selectOption({ label: 'Priority' });
    await app.getByLabel('Condition 1: value').selectOption({ label: 'Urgent' });
    await app.getByLabel('First reply time, Urgent: target in minutes').fill('60');
    await app.getByLabel('First reply time, Urgent: warn minutes before').fill('90');
    await app.getByRole('button', { name: 'Save policy' }).click();
    const warn = app.locator('[data-target-cell="first_reply_time/urgent"] [data-problem-path]');
    await warn.waitFor();
    expect(await warn.innerText()).toBe('The warning must come before the due time: use fewer minutes than the target.');
    await app.locator('[data-lint-warnings]').getByText('First reply time has no target for Low, Normal, High priority').waitFor();
    await screenshot('admin-policy-validation', app.locator('[data-target-cell="first_reply_time/urgent"]'));

    await app.getByLabel('First reply time, Urgent: warn minutes before').fill('15');
    await app.getByLabel('First reply time, Urgent: hours').selectOption({ label: 'Business hours: Kraków support' });
    await app.getByRole('button', { name: 'Save policy' }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByText('Save this policy?').waitFor();
    await dialog.getByText(/No open ticket’s SLA changes\.|changes? on open tickets/).waitFor();
    await dialog.getByText('New tickets only').click();
    await screenshot('admin-policy-impact');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByText('Policy saved.').waitFor();
    await app.locator('[data-policy-id]', { hasText: 'Urgent tickets' }).waitFor();

    const [stored] = await policiesTitled('Urgent tickets');
    const [warsaw] = await schedulesNamed('Kraków support');
    expect(stored?.body).toMatchObject({
      title: 'Urgent tickets',
      active: true,
      filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] },
      targets: [{ metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, hours: 'business', scheduleId: warsaw?.id, warnMinutesBefore: 15 }],
    });
    expect(stored?.apply).toBe('new_tickets_only');
  });

  it('adds a catch-all policy, moves it up with the keyboard-reachable button, deactivates it, and drags another to the top', async () => {
    await app.getByRole('button', { name: 'New policy' }).click();
    await app.getByLabel('Name', { exact: true }).fill('Everything else');
    await app.getByLabel('Total resolution time, Any priority: target in minutes').fill('2880');
    await app.getByLabel('Total resolution time, Any priority: hours').selectOption('calendar');
    await app.getByRole('button', { name: 'Save policy' }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await app.locator('[data-policy-id]', { hasText: 'Everything else' }).waitFor();
    const titles = () => app.locator('[data-policy-id] [data-policy-title]').allInnerTexts();
    // The sandbox comes with the demo policies; the two of this test are the last ones.
    expect((await titles()).slice(-2)).toEqual(['Urgent tickets', 'Everything else']);

    await app.getByRole('button', { name: 'Move “Everything else” up' }).focus();
    await page.keyboard.press('Enter');
    await app.getByRole('dialog').getByText('Save the new order?').waitFor();
    await app.getByRole('dialog').getByRole('button', { name: 'Save order' }).click();
    await app.getByText('The new order is saved.').waitFor();
    expect((await titles()).slice(-2)).toEqual(['Everything else', 'Urgent tickets']);
    expect((await sandbox.server.store.listPolicies(accountId)).map((p) => p.body.title).slice(-2)).toEqual(['Everything else', 'Urgent tickets']);

    await app.locator('[data-policy-id]', { hasText: 'Everything else' }).getByText('Active', { exact: true }).click();
    await app.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await app.getByText('Policy updated.').waitFor();
    await app.locator('[data-policy-id]', { hasText: 'Everything else' }).getByText('Inactive', { exact: true }).waitFor();
    expect((await policiesTitled('Everything else'))[0]?.body.active).toBe(false);
    expect((await policiesTitled('Urgent tickets'))[0]?.body.active).toBe(true);

    // Drag and drop: "Urgent tickets" onto the first row takes its place.
    const first = (await titles())[0] as string;
    await app.locator('[data-policy-id]', { hasText: 'Urgent tickets' }).dragTo(app.locator('[data-policy-id]', { hasText: first }));
    await app.getByRole('dialog').getByRole('button', { name: 'Save order' }).click();
    await app.getByText('The new order is saved.').waitFor();
    expect((await titles()).slice(0, 2)).toEqual(['Urgent tickets', first]);
    expect((await sandbox.server.store.listPolicies(accountId)).map((p) => p.body.title).slice(0, 2)).toEqual(['Urgent tickets', first]);
    await screenshot('admin-policies');
  });

  it('chooses who gets the Out-of-SLA email and saves it', async () => {
    await app.getByRole('tab', { name: 'Notifications' }).click();
    const outOfSla = app.locator('[data-email-kind="outOfSla"]');
    await outOfSla.getByText('The requester', { exact: true }).click();
    await outOfSla.getByLabel('Also email these addresses').fill('lead@example.com, not-an-address');
    await app.getByRole('button', { name: 'Save notifications' }).click();
    await outOfSla.getByText('“not-an-address” is not an email address.').waitFor();
    await outOfSla.getByLabel('Also email these addresses').fill('lead@example.com');
    await app.getByRole('button', { name: 'Save notifications' }).click();
    await app.getByText('Notification settings saved.').waitFor();
    const stored = (await sandbox.server.store.getNotificationSettings(accountId)) as { outOfSla: unknown };
    expect(stored.outOfSla).toEqual({ requester: true, assignee: true, group: true, addresses: ['lead@example.com'] });
    await screenshot('admin-notifications', outOfSla);
  });
});
