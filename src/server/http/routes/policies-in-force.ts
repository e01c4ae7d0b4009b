import { validateSchedule, type Schedule, type ScheduleSpec, type SlaPolicy } from '../../../core';
import type { SlaStore, StoredPolicy } from '../../store/sla-store';

/** The account's policies and schedules as the core takes them, for the routes that run the core. */
export function toSlaPolicy(stored: StoredPolicy): SlaPolicy {
  return { ...stored.body, id: stored.id, position: stored.position };
}

export async function accountPolicies(store: SlaStore, accountId: string): Promise<SlaPolicy[]> {
  return (await store.listPolicies(accountId)).map(toSlaPolicy);
}

export async function accountScheduleSpecs(store: SlaStore, accountId: string): Promise<Record<string, ScheduleSpec>> {
  return Object.fromEntries((await store.listSchedules(accountId)).map((stored) => [stored.id, stored.spec]));
}

/**
 * Stored schedules were validated when saved; one that no longer validates (say, a time zone the runtime dropped)
 * is left out, so the metrics that count on it say `missing_schedule` instead of the whole answer failing.
 */
export function compileSchedules(specs: Readonly<Record<string, ScheduleSpec>>): Record<string, Schedule> {
  const schedules: Record<string, Schedule> = {};
  for (const [id, spec] of Object.entries(specs)) {
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
  }
  return schedules;
}
