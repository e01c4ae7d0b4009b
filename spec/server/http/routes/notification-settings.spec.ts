import { DEFAULT_NOTIFICATION_SETTINGS } from '../../../../src/server/notifications/notification-settings';
import { TEST_DIALECTS } from '../../../support/test-database';
import { useAppApi } from './app-api-fixture';

const custom = {
  outOfSla: { requester: true, assignee: true, group: false, addresses: ['lead@acme.test'] },
  dueSoon: { assignee: true, group: true, addresses: [] },
  templates: {
    en: { outOfSla: { subject: 'Late: {{ticket.title}}', body: 'Ticket #{{ticket.id}} is late.' }, dueSoon: { subject: 'Soon: {{ticket.title}}', body: 'Ticket #{{ticket.id}} is due soon.' } },
    pl: { outOfSla: { subject: 'Po terminie: {{ticket.title}}', body: 'Zgłoszenie #{{ticket.id}} przekroczyło SLA.' }, dueSoon: { subject: 'Wkrótce: {{ticket.title}}', body: 'Termin zgłoszenia #{{ticket.id}} wkrótce minie.' } },
  },
};

describe.each(TEST_DIALECTS)('/api/notification-settings on %s', (dialect) => {
  const api = useAppApi(dialect);

  it('answers the defaults until saved, then what was saved, for this account only', async () => {
    const account = await api.newAccount();
    const neighbour = await api.newAccount();
    expect((await api.call(account, 'GET', '/api/notification-settings')).json()).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const saved = await api.call(account, 'PUT', '/api/notification-settings', custom);
    expect([saved.statusCode, saved.json().settings]).toEqual([200, custom]);
    // These accounts were never connected to a Zendesk: saved, and the answer says the triggers wait for that.
    expect(saved.json().triggerSync).toEqual({ state: 'pending', reason: 'not_connected', message: expect.stringContaining('not connected') });
    expect((await api.call(account, 'GET', '/api/notification-settings')).json()).toEqual(custom);
    expect((await api.call(neighbour, 'GET', '/api/notification-settings')).json()).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it('fills the parts left out with their defaults', async () => {
    const account = await api.newAccount();
    const saved = (await api.call(account, 'PUT', '/api/notification-settings', { dueSoon: { assignee: false, group: true } })).json().settings;
    expect(saved).toEqual({ ...DEFAULT_NOTIFICATION_SETTINGS, dueSoon: { assignee: false, group: true, addresses: [] } });
  });

  it('names each invalid field (422) and keeps what was stored', async () => {
    const account = await api.newAccount();
    await api.call(account, 'PUT', '/api/notification-settings', custom);
    const response = await api.call(account, 'PUT', '/api/notification-settings', {
      ...custom,
      outOfSla: { ...custom.outOfSla, addresses: ['lead@acme.test', 'not an email'] },
      templates: { fr: custom.templates.en, en: { ...custom.templates.en, dueSoon: { subject: '', body: 'x' } } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.problems.map((p: { path: string }) => p.path)).toEqual(['outOfSla.addresses[1]', 'templates.en.dueSoon.subject', 'templates']);
    expect((await api.call(account, 'GET', '/api/notification-settings')).json()).toEqual(custom);
  });
});
