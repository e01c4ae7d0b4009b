import { objectivePeriodOf, recordCountsFor, type ObjectiveStatus, type ReportRecord } from '../../core/report';
import type { EpochMillis } from '../../core/time/instant';
import { countedStatusNow } from '../reports/objective-status-now';
import type { Account, BudgetAlertClaim, ClaimedWriteback } from '../store/sla-store';
import { syncBudgetTriggers } from '../zendesk/objective-alert-triggers';
import { BUDGET_TAG_PREFIX, budgetTag } from './managed-tags';
import type { PipelineDeps } from './process-ticket';

/**
 * True when what is left of the period's error budget is at or below `thresholdPercent` of it, once the period
 * has decided enough instances for its budget to take one whole breach. Before that a single breach spends it all
 * (the month's first urgent reply, late, is 0% attainment): alerting then would use up the period's only alert on
 * noise, and stay silent when the budget really runs out weeks later.
 */
export function budgetAtThreshold(status: ObjectiveStatus, thresholdPercent: number): boolean {
  if (status.attainmentPercent === null || status.bad === 0 || status.errorBudget < 1) return false;
  return status.errorBudgetRemaining <= (status.errorBudget * thresholdPercent) / 100;
}

/**
 * Budget alerts (issue #6), on the breaches of a ticket's assessment: for each objective with alerts on that counts
 * one of those instances, if its status in the current period is at its threshold and no alert was recorded for
 * the period yet, the alert to record, with the objective's tag. The ticket's write-back records it and carries the
 * tag in one transaction (enqueueWriteback: exactly one ticket wins the period's alert); before the tag is written,
 * the writer puts the alert's figures into the objective's trigger (budgetTriggersBeforeWrite), which mails the
 * alert and removes the tag.
 */
export async function budgetAlertsDue(deps: Pick<PipelineDeps, 'store'>, account: Account, breached: readonly ReportRecord[], now: EpochMillis): Promise<BudgetAlertClaim[]> {
  if (breached.length === 0) return [];
  const objectives = (await deps.store.listObjectives(account.id)).filter((s) => s.alert.enabled && s.alert.recipients.length > 0);
  if (objectives.length === 0) return [];
  const sent = await deps.store.latestObjectiveAlerts(account.id);
  const due: BudgetAlertClaim[] = [];
  for (const { objective, alert } of objectives) {
    const period = objectivePeriodOf(now, objective.period, objective.timeZone);
    if (sent.get(objective.id)?.periodStart === period.start) continue; // this period's alert is out already
    if (!breached.some((r) => recordCountsFor(objective, r) && r.startedAt >= period.start && r.startedAt < period.end)) continue;
    const status = await countedStatusNow(deps.store, account.id, objective, now);
    if (!budgetAtThreshold(status, alert.thresholdPercent)) continue;
    due.push({
      tag: budgetTag(objective.id),
      objectiveId: objective.id,
      periodStart: status.periodStart,
      ticketId: breached[0]?.ticketId ?? '',
      attainmentPercent: status.attainmentPercent,
      budget: status.errorBudget,
      budgetRemaining: status.errorBudgetRemaining,
      sentAt: now,
    });
  }
  return due;
}

/**
 * A trigger's email is fixed text: before a write-back puts a budget tag on a ticket, the objective's trigger must
 * say the figures of the alert just recorded. Once per account and round of writes; done again if the write is
 * retried (a crash in between loses nothing). A failed trigger update is logged, not thrown: the alert still goes,
 * with the text the trigger had (the hourly setup repairs the trigger).
 */
export async function budgetTriggersBeforeWrite(deps: Pick<PipelineDeps, 'store' | 'zendesk' | 'log'>, accountId: string, claims: readonly ClaimedWriteback[]): Promise<void> {
  if (!claims.some((claim) => claim.desired.onceTags?.some((tag) => tag.startsWith(BUDGET_TAG_PREFIX)))) return;
  const account = await deps.store.findAccount(accountId);
  if (!account) return;
  try {
    await syncBudgetTriggers({ client: deps.zendesk.for(account), store: deps.store, accountId: account.id, log: deps.log });
  } catch (error) {
    deps.log.warn({ err: error, accountId: account.id }, 'budget alert trigger not updated; the alert goes with its previous text');
  }
}
