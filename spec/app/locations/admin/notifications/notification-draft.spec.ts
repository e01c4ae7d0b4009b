import { parseNotificationSettings } from '../../../../../src/app/locations/admin/api/notifications-api';
import { checkNotificationDraft, notificationDraftOf, settingsOf } from '../../../../../src/app/locations/admin/notifications/notification-draft';

const stored = {
  outOfSla: { requester: false, assignee: true, group: true, addresses: ['lead@example.com'] },
  dueSoon: { assignee: true, group: false, addresses: [] },
  templates: {
    en: {
      outOfSla: { subject: '[#{{ticket.id}}] Out of SLA', body: 'Late: {{ticket.link}}' },
      dueSoon: { subject: '[#{{ticket.id}}] Due soon', body: 'Soon: {{ticket.link}}' },
      outOfSlaRequester: { subject: 'Sorry', body: 'We are late' },
    },
  },
};

const draftOf = () => {
  const parsed = parseNotificationSettings(stored);
  if (!parsed.ok) throw new Error(parsed.detail);
  return notificationDraftOf(parsed.value);
};

describe('notification drafts', () => {
  it('give back the settings as stored, languages without texts left out', () => {
    expect(settingsOf(draftOf())).toEqual(stored);
  });

  it('find addresses that are not addresses, at their place in the list', () => {
    const draft = draftOf();
    const problems = checkNotificationDraft({ ...draft, dueSoon: { ...draft.dueSoon, addresses: 'ok@example.com, not-an-address' } });
    expect(problems.map((p) => `${p.path} ${p.code}`)).toEqual(['dueSoon.addresses[1] invalid_email']);
  });

  it('ask for every agents’ text of a language that has some, the requester’s staying optional', () => {
    const draft = draftOf();
    const pl = { ...draft.templates.pl, outOfSla: { subject: 'Przekroczenie SLA', body: '' } };
    const problems = checkNotificationDraft({ ...draft, templates: { ...draft.templates, pl } });
    expect(problems.map((p) => p.path)).toEqual(['templates.pl.outOfSla.body', 'templates.pl.dueSoon.subject', 'templates.pl.dueSoon.body']);
  });
});
