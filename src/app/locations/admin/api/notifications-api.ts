import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, type Parsed } from './parse-body';

export interface EmailTemplate {
  readonly subject: string;
  readonly body: string;
}

/** One locale's texts: to agents when out of SLA and when due soon, and optionally the requester's own wording. */
export interface TemplateSet {
  readonly outOfSla: EmailTemplate;
  readonly dueSoon: EmailTemplate;
  readonly outOfSlaRequester?: EmailTemplate;
}

/**
 * Who is emailed, and with what text per locale, when a ticket misses (Out of SLA) or nears (due soon) a target.
 * A locale without texts uses English (the server's notificationTemplateFor).
 */
export interface NotificationSettings {
  readonly outOfSla: { readonly requester: boolean; readonly assignee: boolean; readonly group: boolean; readonly addresses: readonly string[] };
  readonly dueSoon: { readonly assignee: boolean; readonly group: boolean; readonly addresses: readonly string[] };
  readonly templates: Readonly<Partial<Record<string, TemplateSet>>>;
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
          const set = isObject(value) ? value : {};
          return [locale, { outOfSla: template(set.outOfSla), dueSoon: template(set.dueSoon), ...(isObject(set.outOfSlaRequester) ? { outOfSlaRequester: template(set.outOfSlaRequester) } : {}) }];
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

/** What a test send answers: the test ticket (already deleted) and, when Zendesk named them, who was mailed. */
export interface NotificationTestResult {
  readonly ticketId: string;
  readonly recipients: readonly string[] | null;
}

export type NotificationTestKind = 'out_of_sla' | 'due_soon';

export function parseNotificationTestResult(body: unknown): Parsed<NotificationTestResult> {
  if (!isObject(body) || typeof body.ticketId !== 'string') return { ok: false, detail: 'no ticketId in the body' };
  const recipients = Array.isArray(body.recipients) ? body.recipients.filter((r): r is string => typeof r === 'string') : null;
  return { ok: true, value: { ticketId: body.ticketId, recipients: recipients && recipients.length > 0 ? recipients : null } };
}

export const sendTestNotificationCall = (kind: NotificationTestKind): SlaServerCall<NotificationTestResult> => ({
  method: 'POST',
  path: '/api/notification-settings/test',
  body: { kind },
  parse: parseNotificationTestResult,
});
