import { z } from 'zod';
import { DEFAULT_TEMPLATES } from './default-templates';

/** The locales the app ships translations for (translations/*.json): one set of email texts each, all optional. */
export const TEMPLATE_LOCALES = ['en', 'ja', 'zh-cn', 'pl', 'es'] as const;
export type TemplateLocale = (typeof TEMPLATE_LOCALES)[number];

/** Zendesk caps a trigger's email subject; bodies are Liquid with Zendesk placeholders ({{ticket.id}}, ...). */
const emailTextSchema = z.strictObject({
  subject: z.string().trim().min(1).max(255),
  body: z.string().trim().min(1).max(10_000),
});

const templateSetSchema = z.strictObject({
  outOfSla: emailTextSchema,
  dueSoon: emailTextSchema,
  /** What the requester reads (the other texts go to agents); optional, defaults to DEFAULT_TEMPLATES' wording. */
  outOfSlaRequester: emailTextSchema.optional(),
});

const addressesSchema = z.array(z.email()).max(50).default([]);

/**
 * Who is emailed when a ticket is out of SLA or due soon, and with what texts. Zendesk sends the emails: the
 * triggers the app manages (requirements.json) are synced from these settings by the Zendesk setup step, which
 * calls `notificationSettingsOf`. `addresses` are extra recipients (e.g. a team lead's mailbox).
 */
export const notificationSettingsSchema = z.strictObject({
  outOfSla: z
    .strictObject({ requester: z.boolean(), assignee: z.boolean(), group: z.boolean(), addresses: addressesSchema })
    .default({ requester: false, assignee: true, group: true, addresses: [] }),
  dueSoon: z.strictObject({ assignee: z.boolean(), group: z.boolean(), addresses: addressesSchema }).default({ assignee: true, group: false, addresses: [] }),
  templates: z.strictObject(Object.fromEntries(TEMPLATE_LOCALES.map((l) => [l, templateSetSchema.optional()])) as Record<TemplateLocale, z.ZodOptional<typeof templateSetSchema>>).default(DEFAULT_TEMPLATES),
});

export type NotificationSettings = z.output<typeof notificationSettingsSchema>;
export type EmailText = z.output<typeof emailTextSchema>;
export type TemplateKind = 'outOfSla' | 'outOfSlaRequester' | 'dueSoon';

/**
 * What an account gets before its admin saves anything: the recipients the app's triggers are installed with
 * (requester off, assignee and group on; due soon to the assignee) and requirements.json's English texts.
 */
export const DEFAULT_NOTIFICATION_SETTINGS: NotificationSettings = notificationSettingsSchema.parse({});

/**
 * The settings stored for an account (JSON from the store, or null when none were saved), as NotificationSettings.
 * Missing parts take their defaults; a document that no longer fits the schema (written by an older version)
 * gives the defaults rather than an error, so trigger sync never stops on it.
 */
export function notificationSettingsOf(json: unknown): NotificationSettings {
  const parsed = notificationSettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : DEFAULT_NOTIFICATION_SETTINGS;
}

/**
 * The text to send for `kind` in `locale`: the admin's for that locale, else the admin's English, else the default
 * English (Zendesk picks the locale; an account that wrote only English texts still sends them everywhere).
 */
export function notificationTemplateFor(settings: NotificationSettings, locale: TemplateLocale, kind: TemplateKind): EmailText {
  const pick = (set: NotificationSettings['templates'][TemplateLocale]) => set?.[kind];
  const fallback = DEFAULT_TEMPLATES.en[kind] as EmailText;
  return pick(settings.templates[locale]) ?? pick(settings.templates.en) ?? fallback;
}
