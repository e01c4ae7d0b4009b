import { objectivePeriodOf, recordCountsFor, type ObjectiveStatus, type ReportRecord } from '../../core/report';
import type { EpochMillis } from '../../core/time/instant';
import { countedStatusNow } from '../reports/objective-status-now';
import type { Account, BudgetAlertClaim, ClaimedWriteback } from '../store/sla-store';
import { syncBudgetTriggers } from '../zendesk/objective-alert-triggers';
import type { ZendeskClient } from '../zendesk/zendesk-client';
import type { ZendeskAudit } from '../zendesk/zendesk-json';
import { listOf } from './zendesk-history';
import { DateTime } from 'luxon';
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

/** A claimed write-back, less the budget tags an earlier attempt already wrote (they count as written when it completes). */
export interface WriteClaim extends ClaimedWriteback {
  readonly onceTagsWritten?: readonly string[];
}

const carriesBudgetTag = (claim: ClaimedWriteback) => claim.desired.onceTags?.some((tag) => tag.startsWith(BUDGET_TAG_PREFIX)) === true;

/**
 * What an account's write-backs need before their budget tags go to Zendesk, once per account and round:
 * - A write-back claimed before that never finished may have landed (the worker died between Zendesk's answer and
 *   noting it): its trigger has mailed the alert and taken the tag off, so writing it again would mail it twice.
 *   Its budget tags go only if no audit since the version it was computed on shows our user adding them.
 * - A trigger's email is fixed text: the objective's trigger must say the figures of the alert just recorded. A
 *   failed trigger update is logged, not thrown: the alert still goes, with the text the trigger had (the hourly
 *   setup repairs the trigger).
 */
export async function budgetAlertsBeforeWrite(deps: Pick<PipelineDeps, 'store' | 'zendesk' | 'log'>, accountId: string, claims: readonly ClaimedWriteback[]): Promise<WriteClaim[]> {
  if (!claims.some(carriesBudgetTag)) return [...claims];
  const account = await deps.store.findAccount(accountId);
  if (!account) return [...claims];
  const client = deps.zendesk.for(account);
  const checked: WriteClaim[] = [];
  for (const claim of claims) checked.push(carriesBudgetTag(claim) && claim.attempts > 1 ? await withoutTagsWrittenBefore(client, account, claim, deps.log) : claim);
  if (checked.some(carriesBudgetTag)) {
    try {
      await syncBudgetTriggers({ client, store: deps.store, accountId: account.id, log: deps.log });
    } catch (error) {
      deps.log.warn({ err: error, accountId: account.id }, 'budget alert trigger not updated; the alert goes with its previous text');
    }
  }
  return checked;
}

async function withoutTagsWrittenBefore(client: ZendeskClient, account: Account, claim: ClaimedWriteback, log: Pick<PipelineDeps['log'], 'warn'>): Promise<WriteClaim> {
  const ourUser = account.zendeskSetup?.apiUserId ?? null;
  const since = claim.desired.updatedStamp ? DateTime.fromISO(claim.desired.updatedStamp, { zone: 'utc' }).toMillis() : null;
  if (ourUser === null || since === null) return claim;
  let audits: ZendeskAudit[];
  try {
    audits = await client.listAudits(claim.ticketId);
  } catch (error) {
    // Unknown: write. A second mail is better than none.
    log.warn({ err: error, accountId: account.id, ticketId: claim.ticketId }, 'could not check whether a budget alert was written already');
    return claim;
  }
  const once = claim.desired.onceTags ?? [];
  const written = new Set<string>();
  for (const audit of audits) {
    if (audit.author_id !== ourUser || DateTime.fromISO(audit.created_at, { zone: 'utc' }).toMillis() < since) continue;
    for (const event of audit.events) {
      // Our own change (a trigger's carries `via`), which added the tag.
      if (event.type !== 'Change' || event.field_name !== 'tags' || event['via'] !== undefined) continue;
      const before = listOf(event.previous_value);
      for (const tag of listOf(event.value)) if (once.includes(tag) && !before.includes(tag)) written.add(tag);
    }
  }
  if (written.size === 0) return claim;
  const left = once.filter((tag) => !written.has(tag));
  const { onceTags: _all, ...desired } = claim.desired;
  return { ...claim, desired: left.length > 0 ? { ...desired, onceTags: left } : desired, onceTagsWritten: [...written] };
}
