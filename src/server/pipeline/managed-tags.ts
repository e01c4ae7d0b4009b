import { METRIC_NAMES, type MetricName } from '../../core/policy/metric-name';

/**
 * The tags the server and its triggers put on tickets. They are ours: left out of the ticket's history (they are
 * not something that happened to the ticket) and never counted as the agent's. `sla_status_*` are the values of
 * the SLA status dropdown, which Zendesk mirrors as tags.
 */
export const DUE_SOON_TAG = 'sla_due_soon';
export const outTag = (metric: MetricName): string => `sla_out_${metric}`;
export const OUT_TAGS: readonly string[] = METRIC_NAMES.map(outTag);
/** A metric's "Out of SLA" tag: the one that fires the breach emails. */
export const isOutTag = (tag: string): boolean => OUT_TAGS.includes(tag);
/** Added by the Out-of-SLA email triggers once they have sent; removed by us when the ticket is back in SLA. */
export const NOTIFIED_OUT_PREFIX = 'sla_notified_out_';
export const NOTIFIED_DUE_SOON_TAG = 'sla_notified_due_soon';

/**
 * Put by the pipeline on the ticket whose breach spent an objective's error budget down to its alert threshold;
 * the objective's budget trigger mails the alert and removes it (issue #6). One per objective: `sla_budget_<12 hex>`.
 */
export const BUDGET_TAG_PREFIX = 'sla_budget_';
export const budgetTag = (objectiveId: string): string => `${BUDGET_TAG_PREFIX}${shortObjectiveId(objectiveId)}`;
/** The objective id's first 12 hex digits: short enough for a tag and a trigger title, unique enough per account. */
export const shortObjectiveId = (objectiveId: string): string => objectiveId.replace(/[^0-9a-zA-Z]/g, '').slice(0, 12).toLowerCase();

export function isManagedTag(tag: string): boolean {
  return tag === DUE_SOON_TAG || tag.startsWith(BUDGET_TAG_PREFIX) || tag.startsWith('sla_out_') || tag.startsWith('sla_notified_') || tag.startsWith('sla_status_');
}
