import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_NOTIFICATION_SETTINGS, notificationSettingsSchema } from '../../../src/server/notifications/notification-settings';
import { desiredNotificationTriggers, templateLocaleOf, triggerMatches } from '../../../src/server/zendesk/notification-triggers';

const REQUIREMENTS = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../requirements.json'), 'utf8')) as {
  triggers: Record<string, { title: string; active: boolean; conditions: unknown; actions: { field: string; value: unknown }[] }>;
};
const none = new Map<string, string>();

describe('desiredNotificationTriggers', () => {
  it('with the default settings, is requirements.json: a fresh install needs no trigger write', () => {
    const desired = desiredNotificationTriggers({ settings: DEFAULT_NOTIFICATION_SETTINGS, locale: 'en', addressUserIds: none });
    for (const [key, installed] of Object.entries(REQUIREMENTS.triggers)) {
      const definition = desired.get(key as never);
      expect([key, definition && triggerMatches(installed, definition)]).toEqual([key, true]);
    }
    expect(desired.get('sla_out_notify_addresses')).toMatchObject({ active: false, actions: [{ field: 'current_tags', value: 'sla_notified_out_addresses' }] });
  });

  it('turns each Out-of-SLA audience on or off alone, each with its own mark', () => {
    const settings = notificationSettingsSchema.parse({ outOfSla: { requester: true, assignee: false, group: true, addresses: [] } });
    const desired = desiredNotificationTriggers({ settings, locale: 'en', addressUserIds: none });
    expect(desired.get('sla_out_notify_requester')).toMatchObject({ active: true, actions: [{ value: ['requester_id', '[Ticket #{{ticket.id}}] We are taking longer than promised', expect.any(String)] }, { value: 'sla_notified_out_requester' }] });
    expect(desired.get('sla_out_notify_assignee')?.active).toBe(false);
    expect(desired.get('sla_out_notify_group')?.active).toBe(true);
  });

  it("mails each fixed address as its Zendesk user, and puts every due-soon recipient in the one due-soon trigger", () => {
    const settings = notificationSettingsSchema.parse({
      outOfSla: { requester: false, assignee: true, group: true, addresses: ['Lead@acme.test', 'boss@acme.test'] },
      dueSoon: { assignee: false, group: true, addresses: ['lead@acme.test'] },
    });
    const addressUserIds = new Map([['lead@acme.test', '10010'], ['boss@acme.test', '10011']]);
    const desired = desiredNotificationTriggers({ settings, locale: 'en', addressUserIds });
    const addresses = desired.get('sla_out_notify_addresses');
    expect(addresses?.active).toBe(true);
    expect(addresses?.actions.map((a) => [a.field, Array.isArray(a.value) ? a.value[0] : a.value])).toEqual([
      ['notification_user', '10010'],
      ['notification_user', '10011'],
      ['current_tags', 'sla_notified_out_addresses'],
    ]);
    const soon = desired.get('sla_due_soon_notify_assignee');
    expect(soon?.title).toBe('SLA due soon: notify group, addresses');
    expect(soon?.actions.map((a) => [a.field, Array.isArray(a.value) ? a.value[0] : a.value])).toEqual([
      ['notification_group', 'group_id'],
      ['notification_user', '10010'],
      ['current_tags', 'sla_notified_due_soon'],
    ]);
  });

  it("takes the texts of the given locale, the admin's English where that locale has none", () => {
    const settings = notificationSettingsSchema.parse({
      templates: {
        en: { outOfSla: { subject: 'Late', body: 'Late body' }, dueSoon: { subject: 'Soon', body: 'Soon body' } },
        pl: { outOfSla: { subject: 'Po terminie', body: 'Treść' }, dueSoon: { subject: 'Wkrótce', body: 'Treść' } },
      },
    });
    const subjectOf = (locale: 'pl' | 'ja') => (desiredNotificationTriggers({ settings, locale, addressUserIds: none }).get('sla_out_notify_assignee')?.actions[0]?.value as string[])[1];
    expect([subjectOf('pl'), subjectOf('ja')]).toEqual(['Po terminie', 'Late']);
    // A changed agents' text goes to the group too (the default group text is only for the default agents' text).
    expect((desiredNotificationTriggers({ settings, locale: 'pl', addressUserIds: none }).get('sla_out_notify_group')?.actions[0]?.value as string[])[1]).toBe('Po terminie');
  });
});

describe('templateLocaleOf', () => {
  it.each([
    ['en-US', 'en'],
    ['ja', 'ja'],
    ['zh-CN', 'zh-cn'],
    ['zh-TW', 'en'],
    ['es-419', 'es'],
    ['pl', 'pl'],
    ['de', 'en'],
    [null, 'en'],
  ])('%s -> %s', (zendesk, ours) => expect(templateLocaleOf(zendesk)).toBe(ours));
});

describe('triggerMatches', () => {
  it('reads ids Zendesk answers as numbers like the strings we send; any other difference is a difference', () => {
    const definition = desiredNotificationTriggers({ settings: DEFAULT_NOTIFICATION_SETTINGS, locale: 'en', addressUserIds: none }).get('sla_out_notify_assignee');
    if (!definition) throw new Error('no definition');
    const asZendesk = { ...definition, actions: definition.actions.map((a) => ({ ...a, value: Array.isArray(a.value) ? [...a.value] : a.value })) };
    expect(triggerMatches(asZendesk, definition)).toBe(true);
    expect(triggerMatches({ ...asZendesk, active: false }, definition)).toBe(false);
    const user = { title: 't', active: true, conditions: { all: [], any: [] }, actions: [{ field: 'notification_user', value: [10010, 's', 'b'] }] };
    expect(triggerMatches(user, { title: 't', active: true, conditions: { all: [], any: [] }, actions: [{ field: 'notification_user', value: ['10010', 's', 'b'] }] })).toBe(true);
  });
});
