import type { FastifyRequest } from 'fastify';
import type { EmulatorClock } from '../clock/emulator-clock';
import type { JobScheduler } from '../jobs/job-scheduler';
import { notFound } from '../state/api-error';
import type { EmulatorState } from '../state/emulator-state';
import { toId } from '../state/input';
import type { UserRecord } from '../state/records';
import type { WriteContext } from '../state/ticket-writes';
import type { WebhookDispatcher } from '../webhooks/webhook-dispatcher';
import type { ApiRequestCounter } from './api-request-counts';
import type { RateLimiter } from './rate-limits';
import type { RequestFaults } from './request-faults';

/** What every route needs: the account, the clock, and the machinery around them. */
export interface EmulatorRuntime {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly limiter: RateLimiter;
  readonly requestFaults: RequestFaults;
  readonly webhooks: WebhookDispatcher;
  readonly jobs: JobScheduler;
  readonly apiRequests: ApiRequestCounter;
  /** The authenticated user of an /api/v2 request. */
  actor(request: FastifyRequest): UserRecord;
  setActor(request: FastifyRequest, user: UserRecord): void;
}

export function writeContext(runtime: EmulatorRuntime, request: FastifyRequest): WriteContext {
  return { state: runtime.state, nowMs: runtime.clock.now(), actor: runtime.actor(request) };
}

/** A numeric path parameter; anything else names no record. */
export function idParam(request: FastifyRequest, name = 'id'): number {
  const id = toId((request.params as Record<string, string>)[name]);
  if (id === undefined) throw notFound();
  return id;
}

export const queryOf = (request: FastifyRequest): Record<string, string | undefined> =>
  request.query as Record<string, string | undefined>;

/** The URL of the current path (without query), for pagination links. */
export const pathUrl = (runtime: EmulatorRuntime, request: FastifyRequest): string =>
  `${runtime.state.baseUrl}${request.url.split('?')[0] ?? ''}`;
