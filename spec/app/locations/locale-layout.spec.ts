/**
 * Every shipped locale at the sizes Zendesk gives the app, in headless Chromium: the admin page (nav_bar) at
 * 1024×768, each tab and the states that show the most text (policy editor, Simulate's comparison, schedule editor,
 * the Reports tab with an objective), and the ticket sidebar in the desk's 330 px apps column (timeline and "why"
 * open, a previewed change). In each, nothing may reach past the frame or its container, no control's label may be
 * cut, no translation key may show, and (outside English) no English text whose translation differs.
 * One sandbox and one browser for all five locales: the agent's Zendesk locale is swapped in the desk page's ZAF
 * model, as TicketSidebar.spec does for Japanese. Screenshots: test-output/screenshots/locale-<locale>-*.png.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { catalogFor, SUPPORTED_LOCALES, type SupportedLocale } from '../../../src/app/i18n/catalogs';
import { translationFor } from '../../../src/app/i18n/TranslationProvider';
import type { Translate } from '../../../src/app/i18n/translate';
import { zendeskApi } from '../../../src/sandbox/desk/api/zendesk-api';
import type { TicketJson } from '../../../src/sandbox/desk/api/zendesk-json';
import en from '../../../translations/en.json';
import { saveScreenshot } from '../../support/browser';
import { openAdminPage, type AdminPageSession } from './admin/support/admin-page-session';
import { seedReportHistory } from './admin/support/report-history-seed';
import { appFrame, englishShown, keyNamesShown, layoutProblems } from './support/layout-check';

jest.setTimeout(240_000);

const ADMIN_VIEWPORT = { width: 1024, height: 768 };
/** The desk's ticket page gives apps a 330 px column (as Zendesk's sidebar, ~320–350 px), whatever the window. */
const DESK_VIEWPORT = { width: 1366, height: 900 };
const TOP_LEVEL_KEYS = Object.keys(en);

let session: AdminPageSession;
let page: Page;
let app: FrameLocator;
let locale: SupportedLocale = 'en';
let policyTitle: string;
let scheduleName: string;
/** Desk tickets for the sidebar: one whose clocks are all stopped (met), one pending (paused: the longest texts). */
let sidebarTickets: { met: number; pending: number };

/** The texts the app shows in `of`, falling back to English as it does. */
const translatorFor = (of: SupportedLocale): Translate => translationFor(of, 'throw').t;

/** en's texts (without placeholders) that `of` translates differently: seeing one whole in `of` is English left over. */
function englishOnly(of: SupportedLocale): string[] {
  if (of === 'en') return [];
  const translated = new Set(catalogFor(of).values());
  return [...catalogFor('en').values()].filter((text) => !text.includes('{{') && text.length > 2 && !translated.has(text));
}

beforeAll(async () => {
  session = await openAdminPage(async (running, accountId) => {
    const [policy] = await running.server.store.listPolicies(accountId);
    const [schedule] = await running.server.store.listSchedules(accountId);
    if (!policy || !schedule) throw new Error('the sandbox has no policy or schedule');
    policyTitle = policy.body.title;
    scheduleName = schedule.name;
    await seedReportHistory(running, accountId, Date.now(), 60);
    await running.server.store.saveObjective({
      accountId,
      body: { title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', organizationId: null, policyId: null, targetMinutes: 60, percent: 95, period: 'month', timeZone: 'Europe/Warsaw' },
      now: Date.now(),
    });
  });
  ({ page, app } = session);
  // Ten desk pages in well under a minute, each a few dozen Zendesk API calls through the desk: more than the
  // emulator's Professional-plan 400 a minute, whose 429 the desk would show instead of the app. Not what this tests.
  session.sandbox.emulator.admin.setRateLimits({ accountPerMinute: 10_000 });
  const { tickets } = await zendeskApi(session.sandbox.emulator.url, session.sandbox.credentials).get<{ tickets: TicketJson[] }>('/tickets?per_page=100');
  const pending = tickets.find((ticket) => ticket.status === 'pending');
  if (!pending) throw new Error('the sandbox has no pending ticket');
  sidebarTickets = { met: session.sandbox.seed.ticketIds[0] as number, pending: pending.id };
  // The emulator's users all read en-US: the desk pages' ZAF model is given the locale under test instead.
  await page.route(
    (url) => url.origin === new URL(session.sandbox.desk.url).origin && /^\/(apps|tickets)\/[^/]+$/.test(url.pathname),
    async (route) => {
      try {
        const response = await route.fetch();
        const html = await response.text();
        // A page without the agent's locale is passed on as it is: the spec then fails on the untranslated names it waits for.
        await route.fulfill({ response, body: html.replaceAll('"locale":"en-US"', `"locale":"${locale}"`) });
      } catch (error) {
        if (!page.isClosed() && !/disposed|closed/i.test(String(error))) throw error; // else: the browser is closing
      }
    },
  );
});

afterAll(() => session?.close());

/** Checks the app's frame as it is now, and saves a screenshot of it (the whole height of the admin page). */
async function check(name: string, options: { wholePage: boolean; screenshotOf?: 'page' | 'app' }): Promise<string[]> {
  const frame = await appFrame(page);
  const found = [
    ...(await layoutProblems(frame)),
    ...(await keyNamesShown(frame, TOP_LEVEL_KEYS)).map((key) => `a translation key is ${key}`),
    ...(await englishShown(frame, englishOnly(locale))).map((text) => `English in ${locale}: “${text}”`),
  ].map((problem) => `${name}: ${problem}`);
  const file = `locale-${locale}-${name}`;
  if (options.wholePage) {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    const viewport = page.viewportSize() ?? ADMIN_VIEWPORT;
    await page.setViewportSize({ width: viewport.width, height: Math.min(height + 60, 6000) });
    await saveScreenshot(page, file);
    await page.setViewportSize(viewport);
  } else {
    await saveScreenshot(page, file, options.screenshotOf === 'page' ? undefined : '#zaf-app');
  }
  return found;
}

describe.each(SUPPORTED_LOCALES)('in %s', (current) => {
  let t: Translate;
  beforeAll(() => {
    locale = current;
    t = translatorFor(current);
  });

  it('the admin page fits 1024×768 on every tab, with every text translated', async () => {
    await page.setViewportSize(ADMIN_VIEWPORT);
    await page.goto(`${session.sandbox.desk.url}/apps/sla-clock`);
    const problems: string[] = [];
    const tab = (section: string) => app.getByRole('tab', { name: t(`admin.tabs.${section}`), exact: true });

    await tab('policies').waitFor();
    await app.locator('[data-policy-id]').first().waitFor();
    problems.push(...(await check('policies', { wholePage: true })));
    await app.getByRole('button', { name: t('admin.policies.edit_label', { title: policyTitle }) }).click();
    // A stricter first reply (45 minutes, still past its 15-minute warning): Simulate's comparison and the impact
    // review then have tickets to list.
    const where = { metric: t('metric.first_reply_time'), priority: t('admin.targets.priority.any') };
    await app.getByLabel(t('admin.targets.minutes_label', where), { exact: true }).fill('45');
    await app.getByRole('button', { name: t('admin.policies.simulate_button'), exact: true }).click();
    await app.locator('[data-simulation]').waitFor();
    problems.push(...(await check('policy-editor-simulated', { wholePage: true })));
    await app.getByRole('button', { name: t('admin.policies.save'), exact: true }).click();
    const dialog = app.getByRole('dialog');
    await dialog.getByRole('button', { name: t('admin.impact.confirm_save'), exact: true }).waitFor();
    await dialog.locator('table').or(dialog.getByText(t('admin.impact.none'))).first().waitFor();
    problems.push(...(await check('policy-impact', { wholePage: false, screenshotOf: 'page' })));
    await dialog.getByRole('button', { name: t('admin.common.cancel'), exact: true }).click();

    await tab('schedules').click();
    await app.getByRole('button', { name: t('admin.schedules.edit_label', { name: scheduleName }) }).click();
    await app.locator('[data-day-hours]').first().waitFor();
    problems.push(...(await check('schedule-editor', { wholePage: true })));

    await tab('notifications').click();
    await app.getByRole('button', { name: t('admin.notifications.save') }).waitFor();
    problems.push(...(await check('notifications', { wholePage: true })));

    await tab('reports').click();
    await app.locator('[data-objective="Urgent first replies"]').waitFor();
    await app.locator('[data-breach-list] [data-breach]').first().waitFor();
    await app.locator('[data-pause-audit] tbody tr').first().waitFor();
    problems.push(...(await check('reports', { wholePage: true })));

    expect(problems).toEqual([]);
  });

  it('the ticket sidebar fits the desk’s apps column, details open and a change previewed', async () => {
    await page.setViewportSize(DESK_VIEWPORT);
    const problems: string[] = [];
    const open = async (ticketId: number) => {
      await page.goto(`${session.sandbox.desk.url}/tickets/${ticketId}`);
      await app.locator('[data-policy]').getByText(t('sidebar.why_policy')).waitFor();
      await app.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
    };
    await open(sidebarTickets.pending);
    await app.locator('li[data-tone="paused"]').first().waitFor();
    problems.push(...(await check('sidebar-paused', { wholePage: false })));
    await open(sidebarTickets.met);
    problems.push(...(await check('sidebar', { wholePage: false })));
    await page.getByLabel('Priority').selectOption('urgent');
    await app.locator('[data-preview]').waitFor();
    problems.push(...(await check('sidebar-preview', { wholePage: false })));
    expect(problems).toEqual([]);
  });
});
