import type { EmulatorState } from '../../state/emulator-state';
import type { JobStatusRecord } from '../../state/records';

/** A job status (JobStatusObject). */
export function jobStatusJson(state: EmulatorState, job: JobStatusRecord): Record<string, unknown> {
  return {
    id: job.id,
    url: `${state.baseUrl}/api/v2/job_statuses/${job.id}.json`,
    job_type: job.jobType,
    total: job.total,
    progress: job.progress,
    status: job.status,
    message: job.message,
    results: job.results,
  };
}
