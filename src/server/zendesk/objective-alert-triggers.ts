import { DateTime } from 'luxon';
import type { Logger } from 'pino';
import type { SlaObjective } from '../../core/report';
import { budgetTag, shortObjectiveId } from '../pipeline/managed-tags';
import type { ObjectiveAlert, StoredObjective } from '../store/report-queries';
import type { SlaStore } from '../store/sla-store';
import type { TemplateLocale } from '../notifications/notification-settings';
import { budgetAlertWords } from './budget-alert-texts';
import { templateLocaleOf, triggerMatches, type TriggerAction, type TriggerDefinition } from './notification-triggers';
import { addressUsers } from './sync-notification-triggers';
import type { ZendeskClient } from './zendesk-client';
import type { ZendeskTrigger } from './zendesk-json';

/**
 * One Zendesk trigger per objective whose budget alerts are on (issue #6): it fires on a ticket carrying the
 * objective's `sla_budget_<id>` tag, mails the alert's recipients, and removes the tag, so it mails once per tag the
 * pipeline puts (once per objective and period). Found again by the objective's short id at the end of its title.
 */
const TITLE_PREFIX = 'SLA budget alert: ';
const SHORT_ID_AT_END = /\[([0-9a-z]{1,12})\]$/;

const shortIdOf = (trigger: Pick<ZendeskTrigger, 'title'>): string | null =>
  trigger.title.startsWith(TITLE_PREFIX) ? (SHORT_ID_AT_END.exec(trigger.title)?.[1] ?? null) : null;

/** Liquid would read `{{`/`{%` in an admin's title as a placeholder. */
const plain = (text: string) => text.replace(/[{}%]/g, '');

/**
 * The alert's text in the account's language. A trigger's email is fixed text plus ticket placeholders, so the
 * figures are those of the period's alert: the pipeline writes them into the trigger just before it tags the
 * ticket. Before any alert the text states the threshold instead.
 */
export function budgetAlertText(objective: SlaObjective, thresholdPercent: number, alert: ObjectiveAlert | null, locale: TemplateLocale = 'en'): { subject: string; body: string } {
  const format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const n = (value: number) => format.format(Math.round(value * 10) / 10);
  return budgetAlertWords(locale, {
    title: plain(objective.title),
    percent: n(objective.percent),
    minutes: n(objective.targetMinutes),
    period: objective.period,
    zone: objective.timeZone,
    threshold: `${n(thresholdPercent)}%`,
    sent: alert && {
      periodStart: DateTime.fromMillis(alert.periodStart, { zone: objective.timeZone }).toISODate() ?? '',
      attainment: alert.attainmentPercent === null ? '–' : `${n(alert.attainmentPercent)}%`,
      left: n(alert.budgetRemaining),
      budget: n(alert.budget),
      leftShare: `${alert.budget > 0 ? Math.max(0, Math.round((100 * alert.budgetRemaining) / alert.budget)) : 0}%`,
    },
  });
}

export function desiredBudgetTrigger(stored: StoredObjective, alert: ObjectiveAlert | null, recipientUserIds: readonly string[], locale: TemplateLocale = 'en'): TriggerDefinition {
  const { objective } = stored;
  const tag = budgetTag(objective.id);
  const text = budgetAlertText(objective, stored.alert.thresholdPercent, alert, locale);
  const mails: TriggerAction[] = recipientUserIds.map((id) => ({ field: 'notification_user', value: [id, text.subject, text.body] }));
  return {
    title: `${TITLE_PREFIX}${plain(objective.title).slice(0, 120)} [${shortObjectiveId(objective.id)}]`,
    active: true,
    conditions: { all: [{ field: 'current_tags', operator: 'includes', value: tag }], any: [] },
    actions: [...mails, { field: 'remove_tags', value: tag }],
  };
}

export interface BudgetTriggerSyncInput {
  readonly client: ZendeskClient;
  readonly store: Pick<SlaStore, 'listObjectives' | 'latestObjectiveAlerts' | 'saveObjectiveAlertTrigger'>;
  readonly accountId: string;
  readonly log: Pick<Logger, 'info' | 'warn'>;
}

/**
 * Makes Zendesk's budget triggers say what the objectives say: one per objective with alerts on and recipients,
 * created, updated (title, recipients, the latest alert's figures) or deleted; triggers of deleted objectives and
 * twins (two processes creating at once) are deleted. Writes only what differs, so running it again changes nothing.
 */
export async function syncBudgetTriggers({ client, store, accountId, log }: BudgetTriggerSyncInput): Promise<{ readonly written: number }> {
  const [objectives, latest, triggers] = await Promise.all([store.listObjectives(accountId), store.latestObjectiveAlerts(accountId), client.listTriggers()]);
  const ours = triggers.filter((t) => shortIdOf(t) !== null);
  const alerting = objectives.filter((s) => s.alert.enabled && s.alert.recipients.length > 0);
  const addresses = [...new Set(alerting.flatMap((s) => s.alert.recipients.map((r) => r.toLowerCase())))];
  const userIds = await addressUsers(client, addresses, ours, log);
  // The language of the account (its API user's), as the Out-of-SLA triggers take theirs.
  const locale = alerting.length > 0 ? templateLocaleOf((await client.getCurrentUser()).locale) : 'en';

  let written = 0;
  const kept = new Set<string>();
  for (const stored of objectives) {
    const short = shortObjectiveId(stored.objective.id);
    const existing = ours.find((t) => t.id === stored.alertTriggerId) ?? ours.find((t) => shortIdOf(t) === short);
    if (!alerting.includes(stored)) {
      if (stored.alertTriggerId !== null) await store.saveObjectiveAlertTrigger(accountId, stored.objective.id, null);
      continue;
    }
    const recipientIds = [...new Set(stored.alert.recipients.map((r) => r.toLowerCase()))].flatMap((r) => userIds.get(r) ?? []);
    const definition = desiredBudgetTrigger(stored, latest.get(stored.objective.id) ?? null, recipientIds, locale);
    let id: string;
    if (existing === undefined) {
      id = (await client.createTrigger({ ...definition })).id;
      written++;
    } else {
      id = existing.id;
      if (!triggerMatches(existing, definition)) {
        await client.updateTrigger(id, { ...definition });
        written++;
      }
    }
    kept.add(id);
    if (stored.alertTriggerId !== id) await store.saveObjectiveAlertTrigger(accountId, stored.objective.id, id);
  }
  // Objectives deleted or switched off, and the twin a concurrent sync created: nobody is mailed twice.
  for (const trigger of ours.filter((t) => !kept.has(t.id))) {
    await client.deleteTrigger(trigger.id);
    written++;
  }
  if (written > 0) log.info({ accountId, written }, 'budget alert triggers synced with the objectives');
  return { written };
}
