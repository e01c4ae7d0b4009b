import type { ScheduleSpec } from '../../../../core';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { noBody, parseList, parseOne } from './parse-body';

/** A schedule as our server stores it (`/api/schedules`). */
export interface SavedSchedule {
  readonly id: string;
  readonly name: string;
  readonly spec: ScheduleSpec;
  readonly createdAt: number | string;
  readonly updatedAt: number | string;
}

function schedule(value: Record<string, unknown>): SavedSchedule | null {
  const spec = value.spec ?? value.schedule;
  if (typeof value.id !== 'string' || typeof value.name !== 'string' || typeof spec !== 'object' || spec === null) return null;
  return { id: value.id, name: value.name, spec: spec as ScheduleSpec, createdAt: value.createdAt as number, updatedAt: value.updatedAt as number };
}

export const listSchedulesCall: SlaServerCall<SavedSchedule[]> = {
  method: 'GET',
  path: '/api/schedules',
  parse: (body) => parseList(body, 'schedules', schedule),
};

/** Creates (no id) or replaces a schedule; the server checks it with the same validateSchedule. */
export const saveScheduleCall = (id: string | null, name: string, spec: ScheduleSpec): SlaServerCall<SavedSchedule> => ({
  method: id === null ? 'POST' : 'PUT',
  path: id === null ? '/api/schedules' : `/api/schedules/${encodeURIComponent(id)}`,
  body: { name, schedule: spec },
  // The answer is the schedule itself, whose `schedule` key is the spec: read it whole, not that key.
  parse: (body) => parseOne({ schedule: body }, 'schedule', schedule),
});

export const deleteScheduleCall = (id: string): SlaServerCall<null> => ({
  method: 'DELETE',
  path: `/api/schedules/${encodeURIComponent(id)}`,
  parse: noBody,
});
