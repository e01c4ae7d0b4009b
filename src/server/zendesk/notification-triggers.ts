import { DEFAULT_TEMPLATES } from '../notifications/default-templates';
import {
  notificationTemplateFor,
  TEMPLATE_LOCALES,
  type EmailText,
  type NotificationSettings,
  type TemplateKind,
  type TemplateLocale,
} from '../notifications/notification-settings';
import { DUE_SOON_TAG, NOTIFIED_DUE_SOON_TAG, NOTIFIED_OUT_PREFIX, OUT_TAGS } from '../pipeline/managed-tags';

export interface TriggerCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: string;
}
export interface TriggerAction {
  readonly field: string;
  readonly value: string | readonly string[];
}
/** The parts of a trigger the server owns; Zendesk's position, description and category stay the admin's. */
export interface TriggerDefinition {
  readonly title: string;
  readonly active: boolean;
  readonly conditions: { readonly all: readonly TriggerCondition[]; readonly any: readonly TriggerCondition[] };
  readonly actions: readonly TriggerAction[];
}

/** The email triggers, keyed as in requirements.json (ZendeskSetup.emailTriggerIds) plus the addresses one. */
export type EmailTriggerKey = 'sla_out_notify_requester' | 'sla_out_notify_assignee' | 'sla_out_notify_group' | 'sla_out_notify_addresses' | 'sla_due_soon_notify_assignee';

/**
 * Not in requirements.json: only accounts that name fixed addresses need it, so the sync creates it (found again
 * by this title) the first time addresses are saved.
 */
export const ADDRESSES_TRIGGER_KEY = 'sla_out_notify_addresses';
export const ADDRESSES_TRIGGER_TITLE = 'Out of SLA: notify addresses';

/**
 * requirements.json's group text: the default `outOfSla` text names the group and the assignee for the group's
 * members. Used while the admin keeps the default text, so a fresh install's group trigger is left as installed.
 */
export const DEFAULT_GROUP_TEXT: EmailText = {
  subject: '[Ticket #{{ticket.id}}] Out of SLA: {{ticket.title}}',
  body: 'Ticket #{{ticket.id}} "{{ticket.title}}" in group {{ticket.group.name}} has missed an SLA target (priority: {{ticket.priority}}).\n\nAssignee: {{ticket.assignee.name}}\n\n{{ticket.link}}',
};

export interface DesiredTriggersInput {
  readonly settings: NotificationSettings;
  /** The one locale the texts are taken from: a Zendesk trigger sends one text to everyone it mails. */
  readonly locale: TemplateLocale;
  /** Zendesk user id of each fixed address (lower case), which `notification_user` needs; unknown ones are left out. */
  readonly addressUserIds: ReadonlyMap<string, string>;
}

/**
 * Each email trigger as the settings want it. Out of SLA: one trigger per audience, each with its own
 * `sla_notified_out_<audience>` mark (removed by the write-back when the ticket is back in SLA), so turning one
 * audience off or on never changes what the others send. Due soon: one trigger mailing every chosen recipient,
 * because the write-back clears exactly one mark for it, `sla_notified_due_soon`.
 *
 * Limit: the requester gets the default locale's text too. Zendesk's way to vary it per requester is dynamic
 * content (`{{dc.*}}`), which the emulator does not render; the per-locale texts are kept for when it does.
 */
export function desiredNotificationTriggers({ settings, locale, addressUserIds }: DesiredTriggersInput): ReadonlyMap<EmailTriggerKey, TriggerDefinition> {
  const text = (kind: TemplateKind) => notificationTemplateFor(settings, locale, kind);
  const out = settings.outOfSla;
  const soon = settings.dueSoon;
  const outText = text('outOfSla');
  const groupText = sameText(outText, DEFAULT_TEMPLATES.en.outOfSla) ? DEFAULT_GROUP_TEXT : outText;
  const userIdsOf = (addresses: readonly string[]) => [...new Set(addresses.map((a) => a.toLowerCase()))].flatMap((a) => addressUserIds.get(a) ?? []);
  const outAddressIds = userIdsOf(out.addresses);
  const soonAddressIds = userIdsOf(soon.addresses);

  const soonRecipients = [
    ...(soon.assignee ? [mailUser('assignee_id', text('dueSoon'))] : []),
    ...(soon.group ? [mailGroup(text('dueSoon'))] : []),
    ...soonAddressIds.map((id) => mailUser(id, text('dueSoon'))),
  ];
  const soonAudiences = [...(soon.assignee ? ['assignee'] : []), ...(soon.group ? ['group'] : []), ...(soonAddressIds.length > 0 ? ['addresses'] : [])];
  return new Map<EmailTriggerKey, TriggerDefinition>([
    ['sla_out_notify_requester', outTrigger('requester', out.requester, [mailUser('requester_id', text('outOfSlaRequester'))])],
    ['sla_out_notify_assignee', outTrigger('assignee', out.assignee, [mailUser('assignee_id', outText)])],
    ['sla_out_notify_group', outTrigger('group', out.group, [mailGroup(groupText)])],
    ['sla_out_notify_addresses', outTrigger('addresses', outAddressIds.length > 0, outAddressIds.map((id) => mailUser(id, outText)))],
    [
      'sla_due_soon_notify_assignee',
      {
        title: `SLA due soon: notify ${soonAudiences.length > 0 ? soonAudiences.join(', ') : 'assignee'}`,
        active: soonRecipients.length > 0,
        conditions: marked(DUE_SOON_TAG, NOTIFIED_DUE_SOON_TAG),
        // Switched off, it keeps the assignee mail, so an admin who turns it on in Zendesk gets what it says.
        actions: [...(soonRecipients.length > 0 ? soonRecipients : [mailUser('assignee_id', text('dueSoon'))]), tag(NOTIFIED_DUE_SOON_TAG)],
      },
    ],
  ]);
}

/** The text set of a Zendesk locale (`en-US`, `pt-BR`, `zh-CN`): the same locale, else its language, else English. */
export function templateLocaleOf(zendeskLocale: string | null): TemplateLocale {
  const wanted = (zendeskLocale ?? '').toLowerCase();
  const exact = TEMPLATE_LOCALES.find((l) => l === wanted);
  if (exact) return exact;
  // zh-tw is Traditional Chinese: the zh-cn (Simplified) texts are not its language.
  const language = wanted.split('-')[0];
  return TEMPLATE_LOCALES.find((l) => l === language) ?? 'en';
}

/** True when Zendesk's trigger already is `desired` (Zendesk answers values as strings; ids may be numbers). */
export function triggerMatches(current: { title: string; active: boolean; conditions: unknown; actions: readonly { field: string; value: unknown }[] }, desired: TriggerDefinition): boolean {
  return JSON.stringify(comparable(current)) === JSON.stringify(comparable(desired));
}

function comparable(trigger: { title: string; active: boolean; conditions: unknown; actions: readonly { field: string; value: unknown }[] }) {
  const conditions = (trigger.conditions ?? {}) as { all?: unknown; any?: unknown };
  const list = (value: unknown) => (Array.isArray(value) ? value : []).map((c: Record<string, unknown>) => [c.field, c.operator, normal(c.value)]);
  return [trigger.title, trigger.active, list(conditions.all), list(conditions.any), trigger.actions.map((a) => [a.field, normal(a.value)])];
}

const normal = (value: unknown): unknown => (Array.isArray(value) ? value.map(normal) : value === null || value === undefined ? null : String(value));

function outTrigger(audience: string, active: boolean, mails: readonly TriggerAction[]): TriggerDefinition {
  const mark = `${NOTIFIED_OUT_PREFIX}${audience}`;
  return {
    title: `Out of SLA: notify ${audience}`,
    active,
    // Zendesk's `includes` holds when the ticket has any one of the listed tags.
    conditions: marked(OUT_TAGS.join(' '), mark),
    actions: [...mails, tag(mark)],
  };
}

/** Fires while `tags` are on the ticket and `mark` is not, on an unsolved ticket; the trigger then adds `mark`. */
function marked(tags: string, mark: string): TriggerDefinition['conditions'] {
  return {
    all: [
      { field: 'current_tags', operator: 'includes', value: tags },
      { field: 'current_tags', operator: 'not_includes', value: mark },
      { field: 'status', operator: 'less_than', value: 'solved' },
    ],
    any: [],
  };
}

const mailUser = (recipient: string, text: EmailText): TriggerAction => ({ field: 'notification_user', value: [recipient, text.subject, text.body] });
const mailGroup = (text: EmailText): TriggerAction => ({ field: 'notification_group', value: ['group_id', text.subject, text.body] });
const tag = (name: string): TriggerAction => ({ field: 'current_tags', value: name });
const sameText = (a: EmailText, b: EmailText) => a.subject === b.subject && a.body === b.body;
