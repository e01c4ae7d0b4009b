import type { ScheduleSpec } from '../../core/schedule/schedule-spec';
import { millisOf, type ScheduleRow } from './database';
import type { StoredSchedule } from './sla-store';

export function scheduleRowToSchedule(row: ScheduleRow): StoredSchedule {
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    spec: JSON.parse(row.spec) as ScheduleSpec,
    createdAt: millisOf(row.created_at),
    updatedAt: millisOf(row.updated_at),
  };
}
