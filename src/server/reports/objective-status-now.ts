import { objectivePeriodOf, objectiveStatus, type ObjectiveStatus, type SlaObjective } from '../../core/report';
import type { SlaStore } from '../store/sla-store';

/**
 * The objective's status now, from the records of its period that match its metric, priority, org and policy.
 * Shared by the objectives routes and the pipeline's budget alerts, so both read the same figures.
 */
export async function statusNow(store: Pick<SlaStore, 'listSliceRecords'>, accountId: string, objective: SlaObjective, now: number): Promise<ObjectiveStatus> {
  const { start, end } = objectivePeriodOf(now, objective.period, objective.timeZone);
  const records = await store.listSliceRecords({
    accountId,
    from: start,
    to: Math.min(end, now + 1),
    filters: {
      metric: objective.metric,
      ...(objective.priority !== null ? { priority: objective.priority } : {}),
      ...(objective.organizationId !== null ? { organization: objective.organizationId } : {}),
      ...(objective.policyId !== null ? { policy: objective.policyId } : {}),
    },
  });
  return objectiveStatus(objective, records, now);
}
