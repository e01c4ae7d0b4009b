import type { EmulatorClock } from './clock/emulator-clock';
import { formatZendeskTime } from './clock/zendesk-time';
import type { ApiRequestCount } from './http/api-request-counts';
import type { EmulatorRuntime } from './http/emulator-runtime';
import type { RateLimitSettings } from './http/rate-limits';
import type { RequestFaultRule } from './http/request-faults';
import { createGroup } from './state/groups';
import type { JsonObject } from './state/input';
import { installApp } from './state/install-requirements';
import { createOrganization } from './state/organizations';
import type { GroupRecord, InstallationRecord, OrganizationRecord, OutboxMail, UserRecord } from './state/records';
import { resetAccount, type AccountSeed } from './state/seed-account';
import { createUser, type NewUser } from './state/users';
import type { DeliveryAttempt } from './webhooks/webhook-dispatcher';
import type { WebhookFaultRequest } from './webhooks/webhook-faults';

/**
 * The emulator's test controls, in-process. The admin HTTP routes (`/__sandbox/...`) call these same functions.
 * None of them exists in Zendesk; they stand for what happens outside the API (time passing, an admin clicking in
 * the Zendesk UI, a network fault).
 */
export interface EmulatorAdmin {
  /** Emulator time as a Zendesk timestamp. */
  now(): string;
  /** Moves the clock forward to `iso`; due webhook retries and delayed deliveries run. */
  setTime(iso: string): void;
  advanceTime(ms: number): void;
  addUser(user: NewUser): UserRecord;
  addGroup(group: { name: string; description?: string }): GroupRecord;
  addOrganization(organization: { name: string; domainNames?: string[] }): OrganizationRecord;
  addApiToken(token: string): void;
  /** An OAuth access token acting as `userId`. */
  addOAuthToken(token: string, userId: number): void;
  setRateLimits(limits: Partial<RateLimitSettings>): RateLimitSettings;
  injectRequestFaults(rule: RequestFaultRule): void;
  injectWebhookFaults(request: WebhookFaultRequest): void;
  outbox(): readonly OutboxMail[];
  webhookAttempts(): readonly DeliveryAttempt[];
  /** The /api/v2 calls answered since the start (or the last reset), by method, route, status and caller. */
  apiRequestCounts(): readonly ApiRequestCount[];
  /** Resolves when no webhook HTTP attempt is in flight. */
  settleWebhooks(): Promise<void>;
  /** Moves every unfinished update_many job one step (queued → working → completed). */
  stepJobs(): void;
  runJobs(): void;
  setJobAutoRun(enabled: boolean): void;
  /** Installs an app's requirements.json as Zendesk does at app install; returns the installation. */
  installApp(requirements: JsonObject, app?: { appId?: number; appName?: string }): InstallationRecord;
  /** Empties the account and seeds it again; faults, rate-limit counters, request counts and delivery logs are cleared. */
  reset(): void;
}

export function createEmulatorAdmin(runtime: EmulatorRuntime, seed: AccountSeed): EmulatorAdmin {
  const { state, clock } = runtime;
  const admin = (): UserRecord => {
    const owner = [...state.users.values()].find((user) => user.role === 'admin');
    if (!owner) throw new Error('The emulated account has no admin');
    return owner;
  };
  return {
    now: () => formatZendeskTime(clock.now()),
    setTime: (iso) => clock.set(parseInstant(iso)),
    advanceTime: (ms) => clock.advance(ms),
    addUser: (user) => createUser(state, user, clock.now()),
    addGroup: (group) => createGroup(state, group, clock.now()),
    addOrganization: (organization) => createOrganization(state, organization, clock.now()),
    addApiToken: (token) => void state.apiTokens.add(token),
    addOAuthToken: (token, userId) => void state.oauthTokens.set(token, userId),
    setRateLimits: (limits) => (runtime.limiter.settings = { ...runtime.limiter.settings, ...limits }),
    injectRequestFaults: (rule) => runtime.requestFaults.add(rule),
    injectWebhookFaults: (request) => runtime.webhooks.injectFaults(request),
    outbox: () => state.outbox,
    webhookAttempts: () => runtime.webhooks.attempts(),
    apiRequestCounts: () => runtime.apiRequests.counts(),
    settleWebhooks: () => runtime.webhooks.idle(),
    stepJobs: () => runtime.jobs.step(),
    runJobs: () => runtime.jobs.runAll(),
    setJobAutoRun: (enabled) => runtime.jobs.setAutoRun(enabled),
    installApp: (requirements, app = {}) => installApp(state, { requirements, ...app }, admin().id, clock.now()),
    reset: () => {
      runtime.requestFaults.reset();
      runtime.webhooks.reset();
      runtime.limiter.reset();
      runtime.apiRequests.reset();
      resetAccount(state, seed, clock.now());
    },
  };
}

function parseInstant(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${iso}`);
  return ms;
}

export type { EmulatorClock };
