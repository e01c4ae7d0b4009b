import type { FieldError } from '../../../../core';
import type { EmailTemplate, NotificationSettings, TemplateSet } from '../api/notifications-api';

/** The locales a template can be written in: the app's own (translations/). */
export const TEMPLATE_LOCALES = ['en', 'ja', 'zh-cn', 'pl', 'es'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];
/** The agents' texts are required in a locale that has any; the requester's own text is optional. */
export const EMAIL_KINDS = ['outOfSla', 'dueSoon', 'outOfSlaRequester'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/** The form's state: addresses as typed (one per line or comma-separated), every text of every locale (empty = none). */
export interface NotificationDraft {
  readonly outOfSla: { readonly requester: boolean; readonly assignee: boolean; readonly group: boolean; readonly addresses: string };
  readonly dueSoon: { readonly assignee: boolean; readonly group: boolean; readonly addresses: string };
  readonly templates: Readonly<Record<TemplateLocale, Readonly<Record<EmailKind, EmailTemplate>>>>;
}

const EMPTY: EmailTemplate = { subject: '', body: '' };
const isEmpty = (t: EmailTemplate) => t.subject.trim() === '' && t.body.trim() === '';

export function notificationDraftOf(settings: NotificationSettings): NotificationDraft {
  const templates = Object.fromEntries(
    TEMPLATE_LOCALES.map((locale) => {
      const set = settings.templates[locale];
      return [locale, { outOfSla: set?.outOfSla ?? EMPTY, dueSoon: set?.dueSoon ?? EMPTY, outOfSlaRequester: set?.outOfSlaRequester ?? EMPTY }];
    }),
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

/** A locale whose texts are all empty is left out: it then uses the English texts. */
function templateSetOf(texts: Readonly<Record<EmailKind, EmailTemplate>>): TemplateSet | null {
  if (EMAIL_KINDS.every((kind) => isEmpty(texts[kind]))) return null;
  return { outOfSla: texts.outOfSla, dueSoon: texts.dueSoon, ...(isEmpty(texts.outOfSlaRequester) ? {} : { outOfSlaRequester: texts.outOfSlaRequester }) };
}

export function settingsOf(draft: NotificationDraft): NotificationSettings {
  const templates = Object.fromEntries(TEMPLATE_LOCALES.flatMap((locale) => {
    const set = templateSetOf(draft.templates[locale]);
    return set ? [[locale, set]] : [];
  }));
  return {
    outOfSla: { ...draft.outOfSla, addresses: splitAddresses(draft.outOfSla.addresses) },
    dueSoon: { ...draft.dueSoon, addresses: splitAddresses(draft.dueSoon.addresses) },
    templates,
  };
}

/**
 * What the server would refuse, found before asking: addresses that are not addresses (`outOfSla.addresses[1]`),
 * and in a locale that has some text, an agents' subject or body left empty (`templates.pl.dueSoon.body`).
 */
export function checkNotificationDraft(draft: NotificationDraft): FieldError[] {
  const addresses = (['outOfSla', 'dueSoon'] as const).flatMap((kind) =>
    splitAddresses(draft[kind].addresses).flatMap((address, i) =>
      EMAIL.test(address) ? [] : [{ path: `${kind}.addresses[${i}]`, code: 'invalid_email', message: `"${address}" is not an email address`, params: { address } }],
    ),
  );
  const texts = TEMPLATE_LOCALES.flatMap((locale) => {
    const set = draft.templates[locale];
    if (EMAIL_KINDS.every((kind) => isEmpty(set[kind]))) return [];
    return EMAIL_KINDS.flatMap((kind) => {
      if (kind === 'outOfSlaRequester' && isEmpty(set[kind])) return [];
      return (['subject', 'body'] as const)
        .filter((part) => set[kind][part].trim() === '')
        .map((part) => ({ path: `templates.${locale}.${kind}.${part}`, code: 'required', message: 'required when the language has texts' }));
    });
  });
  return [...addresses, ...texts];
}
