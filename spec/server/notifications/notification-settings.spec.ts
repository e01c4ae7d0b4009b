import requirements from '../../../requirements.json';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  notificationSettingsOf,
  notificationTemplateFor,
} from '../../../src/server/notifications/notification-settings';

/** [subject, body] of a trigger's email action in requirements.json. */
function triggerText(name: keyof typeof requirements.triggers): { subject: string; body: string } {
  const action = requirements.triggers[name].actions.find((a) => Array.isArray(a.value));
  const [, subject, body] = action?.value as string[];
  return { subject: subject as string, body: body as string };
}

describe('notification settings', () => {
  it('default to the recipients and English texts of the triggers in requirements.json', () => {
    const { outOfSla, dueSoon, templates } = DEFAULT_NOTIFICATION_SETTINGS;
    expect(outOfSla).toEqual({
      requester: requirements.triggers.sla_out_notify_requester.active,
      assignee: requirements.triggers.sla_out_notify_assignee.active,
      group: requirements.triggers.sla_out_notify_group.active,
      addresses: [],
    });
    expect(dueSoon).toEqual({ assignee: requirements.triggers.sla_due_soon_notify_assignee.active, group: false, addresses: [] });
    expect(templates.en).toEqual({
      outOfSla: triggerText('sla_out_notify_assignee'),
      outOfSlaRequester: triggerText('sla_out_notify_requester'),
      dueSoon: triggerText('sla_due_soon_notify_assignee'),
    });
  });

  it('read a stored document with its missing parts defaulted, and an unreadable one as the defaults', () => {
    expect(notificationSettingsOf(null)).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const partial = notificationSettingsOf({ dueSoon: { assignee: false, group: true } });
    expect(partial.dueSoon).toEqual({ assignee: false, group: true, addresses: [] });
    expect(partial.outOfSla).toEqual(DEFAULT_NOTIFICATION_SETTINGS.outOfSla);
    expect(notificationSettingsOf({ notifyRequester: true })).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
  });

  it("pick a locale's text, else the account's English, else the default English", () => {
    const ja = { subject: 'SLA 超過: {{ticket.title}}', body: 'チケット #{{ticket.id}} が SLA を超過しました。' };
    const en = { subject: 'Late: {{ticket.title}}', body: 'Ticket #{{ticket.id}} is late.' };
    const settings = notificationSettingsOf({ templates: { ja: { outOfSla: ja, dueSoon: ja }, en: { outOfSla: en, dueSoon: en } } });
    expect(notificationTemplateFor(settings, 'ja', 'outOfSla')).toEqual(ja);
    expect(notificationTemplateFor(settings, 'pl', 'outOfSla')).toEqual(en);
    expect(notificationTemplateFor(settings, 'ja', 'outOfSlaRequester')).toEqual(triggerText('sla_out_notify_requester'));
  });
});
