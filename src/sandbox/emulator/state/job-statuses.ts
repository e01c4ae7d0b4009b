import { randomBytes } from 'node:crypto';
import { ApiError, badRequest, notFound } from './api-error';
import type { EmulatorState } from './emulator-state';
import type { JobStatusRecord, TicketUpdateWork } from './records';

/** Zendesk refuses more than 100 tickets per update_many and more than 30 jobs queued at once. */
export const MAX_TICKETS_PER_JOB = 100;
export const MAX_PENDING_JOBS = 30;

export function queueUpdateManyJob(
  state: EmulatorState,
  work: readonly TicketUpdateWork[],
  actorId: number,
  nowMs: number,
): JobStatusRecord {
  if (work.length === 0) throw badRequest('InvalidValue', 'ids or tickets are required');
  if (work.length > MAX_TICKETS_PER_JOB) throw badRequest('InvalidValue', `At most ${MAX_TICKETS_PER_JOB} tickets per request`);
  const pending = [...state.jobStatuses.values()].filter((job) => job.status === 'queued' || job.status === 'working');
  if (pending.length >= MAX_PENDING_JOBS) {
    throw new ApiError(429, { error: 'TooManyJobs', description: `Number of queued jobs exceeded ${MAX_PENDING_JOBS}` }, { 'retry-after': '10' });
  }
  const job: JobStatusRecord = {
    id: randomBytes(16).toString('hex'),
    jobType: 'bulk_update',
    total: work.length,
    createdAt: nowMs,
    work,
    actorId,
    status: 'queued',
    progress: 0,
    results: null,
    message: null,
  };
  state.jobStatuses.set(job.id, job);
  return job;
}

export function requireJobStatus(state: EmulatorState, id: string): JobStatusRecord {
  const job = state.jobStatuses.get(id);
  if (!job) throw notFound();
  return job;
}
