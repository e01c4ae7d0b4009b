import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, type Parsed } from './parse-body';

export interface EmailTemplate {
  readonly subject: string;
  readonly body: string;
}

/** Who is emailed, and with what text per locale, when a ticket misses (Out of SLA) or nears (due soon) a target. */
export interface NotificationSettings {
  readonly outOfSla: { readonly requester: boolean; readonly assignee: boolean; readonly group: boolean; readonly addresses: readonly string[] };
  readonly dueSoon: { readonly assignee: boolean; readonly group: boolean; readonly addresses: readonly string[] };
  readonly templates: Readonly<Record<string, { readonly outOfSla: EmailTemplate; readonly dueSoon: EmailTemplate }>>;
}

const flag = (value: unknown) => value === true;
const addresses = (value: unknown): string[] => (Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : []);
const template = (value: unknown): EmailTemplate => {
  const t = isObject(value) ? value : {};
  return { subject: typeof t.subject === 'string' ? t.subject : '', body: typeof t.body === 'string' ? t.body : '' };
};

export function parseNotificationSettings(body: unknown): Parsed<NotificationSettings> {
  const settings = isObject(body) && isObject(body.settings) ? body.settings : body;
  if (!isObject(settings)) return { ok: false, detail: 'no notification settings in the body' };
  const out = isObject(settings.outOfSla) ? settings.outOfSla : {};
  const soon = isObject(settings.dueSoon) ? settings.dueSoon : {};
  const templates = isObject(settings.templates) ? settings.templates : {};
  return {
    ok: true,
    value: {
      outOfSla: { requester: flag(out.requester), assignee: flag(out.assignee), group: flag(out.group), addresses: addresses(out.addresses) },
      dueSoon: { assignee: flag(soon.assignee), group: flag(soon.group), addresses: addresses(soon.addresses) },
      templates: Object.fromEntries(
        Object.entries(templates).map(([locale, value]) => {
          const pair = isObject(value) ? value : {};
          return [locale, { outOfSla: template(pair.outOfSla), dueSoon: template(pair.dueSoon) }];
        }),
      ),
    },
  };
}

export const getNotificationSettingsCall: SlaServerCall<NotificationSettings> = {
  method: 'GET',
  path: '/api/notification-settings',
  parse: parseNotificationSettings,
};

export const saveNotificationSettingsCall = (settings: NotificationSettings): SlaServerCall<NotificationSettings> => ({
  method: 'PUT',
  path: '/api/notification-settings',
  body: settings,
  parse: parseNotificationSettings,
});
