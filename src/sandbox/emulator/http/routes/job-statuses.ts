import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requireJobStatus } from '../../state/job-statuses';
import type { EmulatorRuntime } from '../emulator-runtime';
import { queryOf } from '../emulator-runtime';
import { jobStatusJson } from '../json/job-status-json';

export function registerJobStatusRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  const jobId = (request: FastifyRequest): string => (request.params as { id: string }).id;

  app.get('/api/v2/job_statuses', async () => ({
    job_statuses: [...state.jobStatuses.values()].sort((a, b) => b.createdAt - a.createdAt).map((job) => jobStatusJson(state, job)),
  }));

  app.get('/api/v2/job_statuses/show_many', async (request) => {
    const ids = (queryOf(request).ids ?? '').split(',').filter((id) => id !== '');
    return { job_statuses: ids.flatMap((id) => state.jobStatuses.get(id) ?? []).map((job) => jobStatusJson(state, job)) };
  });

  app.get('/api/v2/job_statuses/:id', async (request) => ({ job_status: jobStatusJson(state, requireJobStatus(state, jobId(request))) }));
}
