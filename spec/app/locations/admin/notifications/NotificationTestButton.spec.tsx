import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { parseNotificationSettings, parseNotificationTestResult } from '../../../../../src/app/locations/admin/api/notifications-api';
import { notificationDraftOf } from '../../../../../src/app/locations/admin/notifications/notification-draft';
import NotificationForm from '../../../../../src/app/locations/admin/notifications/NotificationForm';
import NotificationTestButton, { type NotificationTestState } from '../../../../../src/app/locations/admin/notifications/NotificationTestButton';
import { renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

const button = (state: NotificationTestState, locale: Parameters<typeof tIn>[0] = 'en') =>
  renderMarkup(<NotificationTestButton kind="outOfSla" state={state} t={tIn(locale)} onSend={() => undefined} />);

/** The live region's markup: the element with role="status". */
const liveRegion = (html: string) => /<div role="status"[^>]*>(.*?)<\/div>/.exec(html);

describe('NotificationTestButton', () => {
  it('idle: an enabled "Send a test" that does not submit the form, and an empty polite live region', () => {
    const html = button({ status: 'idle' });
    expect(html).toMatch(/<button[^>]*type="button"[^>]*>Send a test<\/button>/);
    expect(html).not.toMatch(/<button[^>]*disabled/);
    const region = liveRegion(html);
    expect(region?.[0]).toContain('aria-live="polite"');
    expect(region?.[1]).toBe('');
  });

  it('sending: disabled and busy, saying so', () => {
    const html = button({ status: 'sending' });
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Sending…<\/button>/);
    expect(html).toMatch(/<button[^>]*aria-busy="true"/);
  });

  it('sent: names the recipients Zendesk mailed, or says it cannot', () => {
    expect(liveRegion(button({ status: 'sent', recipients: ['alice@acme.test', 'lead@acme.test'] }))?.[1]).toBe('Sent to alice@acme.test, lead@acme.test.');
    expect(textOf(liveRegion(button({ status: 'sent', recipients: null }))?.[1] ?? '')).toBe('Sent. Zendesk did not say to whom; check the recipients’ inboxes.');
    expect(button({ status: 'sent', recipients: null })).not.toMatch(/<button[^>]*disabled/);
  });

  it('failed: the reason in the live region, and the button ready to try again', () => {
    const html = button({ status: 'failed', message: 'The test was not sent: Zendesk is down' });
    expect(liveRegion(html)?.[1]).toBe('The test was not sent: Zendesk is down');
    expect(html).toContain('data-test-result="failed"');
    expect(html).not.toMatch(/<button[^>]*disabled/);
  });

  it.each(SUPPORTED_LOCALES)('has its texts in %s', (locale) => {
    const t = tIn(locale);
    for (const key of ['test_send', 'test_sending', 'test_hint', 'test_sent_unknown', 'test_not_connected']) expect(t(`admin.notifications.${key}`)).not.toBe('');
    expect(t('admin.notifications.test_sent', { recipients: 'a@b.test' })).toContain('a@b.test');
    expect(t('admin.notifications.test_failed', { reason: 'X' })).toContain('X');
    expect(textOf(button({ status: 'idle' }, locale))).toContain(t('admin.notifications.test_send'));
  });
});

describe('the Notifications form with test sends', () => {
  const parsed = parseNotificationSettings({});
  if (!parsed.ok) throw new Error(parsed.detail);
  const form = (tests?: Parameters<typeof NotificationForm>[0]['tests']) =>
    renderMarkup(<NotificationForm draft={notificationDraftOf(parsed.value)} problems={[]} slaFields={{}} busy={false} t={tIn('en')} onChange={() => undefined} onSave={() => undefined} {...(tests ? { tests } : {})} />);

  it('shows one button per kind, each with its own result', () => {
    const html = form({ states: { outOfSla: { status: 'sent', recipients: ['alice@acme.test'] }, dueSoon: { status: 'sending' } }, onSend: () => undefined });
    expect(textOf(sectionOf(html, 'data-notification-test', 'outOfSla'))).toContain('Sent to alice@acme.test.');
    expect(textOf(sectionOf(html, 'data-notification-test', 'dueSoon'))).toContain('Sending…');
  });

  it('shows no test button without a way to send', () => {
    expect(form()).not.toContain('data-notification-test');
  });
});

describe('parseNotificationTestResult', () => {
  it('reads the ticket and the recipients; none named is null', () => {
    expect(parseNotificationTestResult({ ticketId: '12', recipients: ['a@b.test'] })).toEqual({ ok: true, value: { ticketId: '12', recipients: ['a@b.test'] } });
    expect(parseNotificationTestResult({ ticketId: '12' })).toEqual({ ok: true, value: { ticketId: '12', recipients: null } });
    expect(parseNotificationTestResult({}).ok).toBe(false);
  });
});
