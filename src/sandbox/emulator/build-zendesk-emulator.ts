import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createEmulatorClock, type EmulatorClock, type EmulatorClockOptions } from './clock/emulator-clock';
import { createEmulatorAdmin, type EmulatorAdmin } from './emulator-admin';
import { countApiRequests, createApiRequestCounter } from './http/api-request-counts';
import { authenticate } from './http/authenticate';
import type { EmulatorRuntime } from './http/emulator-runtime';
import { DEFAULT_RATE_LIMITS, createRateLimiter, type RateLimitSettings } from './http/rate-limits';
import { createRequestFaults } from './http/request-faults';
import { registerAdminRoutes } from './http/routes/admin';
import { registerAuditRoutes } from './http/routes/audits';
import { registerGroupRoutes } from './http/routes/groups';
import { registerIncrementalExportRoutes } from './http/routes/incremental-export';
import { registerJobStatusRoutes } from './http/routes/job-statuses';
import { registerOrganizationRoutes } from './http/routes/organizations';
import { registerRequirementRoutes } from './http/routes/requirements';
import { registerTicketFieldRoutes } from './http/routes/ticket-fields';
import { registerTicketTagRoutes } from './http/routes/ticket-tags';
import { registerTicketRoutes } from './http/routes/tickets';
import { registerTriggerRoutes } from './http/routes/triggers';
import { registerUserRoutes } from './http/routes/users';
import { registerUserSearchRoute } from './http/routes/user-search';
import { registerWebhookTestRoute } from './http/routes/webhook-test';
import { registerWebhookRoutes } from './http/routes/webhooks';
import { installApiHooks } from './http/api-hooks';
import { installCors } from './http/cors';
import { closeSolvedTickets } from './automations/close-solved-tickets';
import { runHourly } from './automations/run-hourly';
import { createJobScheduler } from './jobs/job-scheduler';
import { createEmptyState, type EmulatorState } from './state/emulator-state';
import type { UserRecord } from './state/records';
import { DEFAULT_SEED, seedAccount, type AccountSeed } from './state/seed-account';
import { createWebhookDispatcher } from './webhooks/webhook-dispatcher';

export interface ZendeskEmulatorOptions {
  /** Account subdomain; only shows in `ticket.url`-like texts. Default "sandbox". */
  readonly subdomain?: string;
  /** A clock to share (e.g. with the server under test), or options for a new one. Default: running from now. */
  readonly clock?: EmulatorClock | EmulatorClockOptions;
  /** The seeded admin and tokens; default admin@sandbox.test with API token "sandbox-api-token". */
  readonly seed?: Partial<AccountSeed>;
  readonly rateLimits?: Partial<RateLimitSettings>;
  /** Webhook request timeout, real milliseconds. Zendesk's is 12 s and cannot be changed; tests shorten it. */
  readonly webhookTimeoutMs?: number;
  /** update_many jobs: run in the background (default) and how long each step takes, real milliseconds. */
  readonly jobs?: { readonly autoRun?: boolean; readonly stepDelayMs?: number };
  /** Zendesk's default "close 4 days after solved" automation, run hourly on the emulator clock. Default on. */
  readonly closeSolvedTickets?: boolean;
}

export interface BuiltZendeskEmulator {
  /** The fastify instance, not listening: use `app.inject()`, or `startZendeskEmulator` to listen. */
  readonly app: FastifyInstance;
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly admin: EmulatorAdmin;
  close(): Promise<void>;
}

/** Builds the emulator without listening (fastify/demo's app-vs-server split). */
export function buildZendeskEmulator(options: ZendeskEmulatorOptions = {}): BuiltZendeskEmulator {
  const ownClock = options.clock === undefined || !('now' in options.clock);
  const clock = ownClock ? createEmulatorClock(options.clock as EmulatorClockOptions | undefined) : (options.clock as EmulatorClock);
  const seed: AccountSeed = { ...DEFAULT_SEED, ...options.seed };
  const state = createEmptyState(options.subdomain ?? 'sandbox');
  seedAccount(state, seed, clock.now());
  const webhooks = createWebhookDispatcher({ state, clock, timeoutMs: options.webhookTimeoutMs ?? 12_000 });
  const actors = new WeakMap<FastifyRequest, UserRecord>();
  const runtime: EmulatorRuntime = {
    state,
    clock,
    limiter: createRateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }),
    requestFaults: createRequestFaults(),
    webhooks,
    jobs: createJobScheduler({
      state,
      clock,
      dispatch: webhooks.dispatch,
      autoRun: options.jobs?.autoRun ?? true,
      stepDelayMs: options.jobs?.stepDelayMs ?? 50,
    }),
    apiRequests: createApiRequestCounter(),
    actor: (request) => {
      const actor = actors.get(request);
      if (!actor) throw new Error('No authenticated user on this request');
      return actor;
    },
    setActor: (request, user) => void actors.set(request, user),
  };
  const admin = createEmulatorAdmin(runtime, seed);
  const stopAutomations =
    options.closeSolvedTickets === false
      ? () => undefined
      : runHourly(clock, (nowMs) => webhooks.dispatch(closeSolvedTickets(state, nowMs)));
  const app = Fastify({ logger: false, rewriteUrl: (request) => stripJsonSuffix(request.url ?? '/') });
  installCors(app);
  installApiHooks(app, runtime, authenticate);
  countApiRequests(app, runtime.apiRequests, (request) => actors.get(request)?.id ?? null);
  for (const register of [
    registerTicketRoutes, registerTicketTagRoutes, registerAuditRoutes, registerUserSearchRoute, registerUserRoutes, registerGroupRoutes,
    registerOrganizationRoutes, registerTicketFieldRoutes, registerTriggerRoutes, registerWebhookTestRoute, registerWebhookRoutes,
    registerJobStatusRoutes, registerIncrementalExportRoutes, registerRequirementRoutes,
  ]) {
    register(app, runtime);
  }
  registerAdminRoutes(app, admin);
  return {
    app,
    state,
    clock,
    admin,
    close: async () => {
      stopAutomations();
      runtime.jobs.close();
      await webhooks.close();
      if (ownClock) clock.dispose();
      await app.close();
    },
  };
}

/** Zendesk answers `/api/v2/tickets/1` and `/api/v2/tickets/1.json` alike. */
function stripJsonSuffix(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt < 0 ? url : url.slice(0, queryAt);
  const query = queryAt < 0 ? '' : url.slice(queryAt);
  return path.replace(/\.json$/, '') + query;
}
