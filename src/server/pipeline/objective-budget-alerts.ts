import { objectivePeriodOf, recordCountsFor, type ObjectiveStatus, type ReportRecord } from '../../core/report';
import type { EpochMillis } from '../../core/time/instant';
import { countedStatusNow } from '../reports/objective-status-now';
import type { Account } from '../store/sla-store';
import { syncBudgetTriggers } from '../zendesk/objective-alert-triggers';
import { budgetTag } from './managed-tags';
import type { PipelineDeps } from './process-ticket';

/** True when what is left of the period's error budget is at or below `thresholdPercent` of it. */
export function budgetAtThreshold(status: ObjectiveStatus, thresholdPercent: number): boolean {
  if (status.attainmentPercent === null || status.bad === 0) return false;
  return status.errorBudgetRemaining <= (status.errorBudget * thresholdPercent) / 100;
}

/**
 * Budget alerts (issue #6), on the breaches the pipeline has just recorded for a ticket: for each objective with
 * alerts on that counts one of those instances, if its status in the current period is at its threshold and no
 * alert was recorded for the period yet, records one (exactly one process wins it), writes the figures into the
 * objective's trigger, and answers the objective's tag for this ticket's write-back: the trigger mails the alert
 * and removes the tag. A failed trigger update is logged, not thrown: the alert still goes, with the text the
 * trigger had (the hourly setup repairs the trigger).
 */
export async function budgetAlertTags(deps: Pick<PipelineDeps, 'store' | 'zendesk' | 'log'>, account: Account, breached: readonly ReportRecord[], now: EpochMillis): Promise<string[]> {
  if (breached.length === 0) return [];
  const objectives = (await deps.store.listObjectives(account.id)).filter((s) => s.alert.enabled && s.alert.recipients.length > 0);
  if (objectives.length === 0) return [];
  const sent = await deps.store.latestObjectiveAlerts(account.id);
  const tags: string[] = [];
  for (const { objective, alert } of objectives) {
    const period = objectivePeriodOf(now, objective.period, objective.timeZone);
    if (sent.get(objective.id)?.periodStart === period.start) continue; // this period's alert is out already
    if (!breached.some((r) => recordCountsFor(objective, r) && r.startedAt >= period.start && r.startedAt < period.end)) continue;
    const status = await countedStatusNow(deps.store, account.id, objective, now);
    if (!budgetAtThreshold(status, alert.thresholdPercent)) continue;
    const claimed = await deps.store.claimObjectiveAlert({
      accountId: account.id,
      objectiveId: objective.id,
      periodStart: status.periodStart,
      ticketId: breached[0]?.ticketId ?? '',
      attainmentPercent: status.attainmentPercent,
      budget: status.errorBudget,
      budgetRemaining: status.errorBudgetRemaining,
      sentAt: now,
    });
    if (!claimed) continue;
    try {
      await syncBudgetTriggers({ client: deps.zendesk.for(account), store: deps.store, accountId: account.id, log: deps.log });
    } catch (error) {
      deps.log.warn({ err: error, accountId: account.id, objectiveId: objective.id }, 'budget alert trigger not updated; the alert goes with its previous text');
    }
    deps.log.info({ accountId: account.id, objectiveId: objective.id, periodStart: status.periodStart, remaining: status.errorBudgetRemaining }, 'objective budget alert');
    tags.push(budgetTag(objective.id));
  }
  return tags;
}
