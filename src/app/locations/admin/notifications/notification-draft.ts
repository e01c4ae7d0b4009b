import type { FieldError } from '../../../../core';
import type { EmailTemplate, NotificationSettings } from '../api/notifications-api';

/** The locales a template can be written in: the app's own (translations/). */
export const TEMPLATE_LOCALES = ['en', 'ja', 'zh-cn', 'pl', 'es'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
export type EmailKind = 'outOfSla' | 'dueSoon';

/** The form's state: addresses as typed (one per line or comma-separated). */
export interface NotificationDraft {
  readonly outOfSla: { readonly requester: boolean; readonly assignee: boolean; readonly group: boolean; readonly addresses: string };
  readonly dueSoon: { readonly assignee: boolean; readonly group: boolean; readonly addresses: string };
  readonly templates: Readonly<Record<TemplateLocale, Readonly<Record<EmailKind, EmailTemplate>>>>;
}

const EMPTY: EmailTemplate = { subject: '', body: '' };

export function notificationDraftOf(settings: NotificationSettings): NotificationDraft {
  const templates = Object.fromEntries(
    TEMPLATE_LOCALES.map((locale) => [locale, { outOfSla: settings.templates[locale]?.outOfSla ?? EMPTY, dueSoon: settings.templates[locale]?.dueSoon ?? EMPTY }]),
  ) as NotificationDraft['templates'];
  return {
    outOfSla: { ...settings.outOfSla, addresses: settings.outOfSla.addresses.join('\n') },
    dueSoon: { ...settings.dueSoon, addresses: settings.dueSoon.addresses.join('\n') },
    templates,
  };
}

export const splitAddresses = (text: string): string[] => text.split(/[\s,;]+/).filter(Boolean);

/** Something@somewhere.tld: a typo check, not RFC 5322 (Zendesk checks deliverability itself). */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function settingsOf(draft: NotificationDraft): NotificationSettings {
  return {
    outOfSla: { ...draft.outOfSla, addresses: splitAddresses(draft.outOfSla.addresses) },
    dueSoon: { ...draft.dueSoon, addresses: splitAddresses(draft.dueSoon.addresses) },
    templates: draft.templates,
  };
}

/** Addresses that are not addresses, each at its path (`outOfSla.addresses[1]`). */
export function checkNotificationDraft(draft: NotificationDraft): FieldError[] {
  return (['outOfSla', 'dueSoon'] as const).flatMap((kind) =>
    splitAddresses(draft[kind].addresses).flatMap((address, i) =>
      EMAIL.test(address) ? [] : [{ path: `${kind}.addresses[${i}]`, code: 'invalid_email', message: `"${address}" is not an email address`, params: { address } }],
    ),
  );
}
