import { objectivePeriodOf, objectiveStatus, objectiveStatusOf, type ObjectiveStatus, type SlaObjective } from '../../core/report';
import type { RecordSlice } from '../store/report-queries';
import type { SlaStore } from '../store/sla-store';

/** The records an objective counts now: its period's, up to now, of its metric, priority, org and policy. */
function sliceNow(accountId: string, objective: SlaObjective, now: number): RecordSlice {
  const { end, start } = objectivePeriodOf(now, objective.period, objective.timeZone);
  return {
    accountId,
    from: start,
    to: Math.min(end, now + 1),
    filters: {
      metric: objective.metric,
      ...(objective.priority !== null ? { priority: objective.priority } : {}),
      ...(objective.organizationId !== null ? { organization: objective.organizationId } : {}),
      ...(objective.policyId !== null ? { policy: objective.policyId } : {}),
    },
  };
}

/** The objective's status now, from the records of its period that match its metric, priority, org and policy. */
export async function statusNow(store: Pick<SlaStore, 'listSliceRecords'>, accountId: string, objective: SlaObjective, now: number): Promise<ObjectiveStatus> {
  return objectiveStatus(objective, await store.listSliceRecords(sliceNow(accountId, objective, now)), now);
}

/** The same status from counts made in SQL: for the pipeline, which asks on every breach an objective counts. */
export async function countedStatusNow(store: Pick<SlaStore, 'countObjectiveRecords'>, accountId: string, objective: SlaObjective, now: number): Promise<ObjectiveStatus> {
  return objectiveStatusOf(objective, await store.countObjectiveRecords(sliceNow(accountId, objective, now), objective.targetMinutes), now);
}
