import type { FastifyInstance } from 'fastify';
import type { EmulatorAdmin } from '../../emulator-admin';
import { ApiError, badRequest } from '../../state/api-error';
import { isJsonObject, toId, type JsonObject } from '../../state/input';
import type { UserRole } from '../../state/records';
import type { RequestFault } from '../request-faults';

/**
 * `/__sandbox/...`: the emulator's test controls over HTTP (JSON in, JSON out, no authentication). They exist only
 * in the emulator, for tests and `npm start` tools running in another process.
 */
export function registerAdminRoutes(app: FastifyInstance, admin: EmulatorAdmin): void {
  const body = (raw: unknown): JsonObject => (isJsonObject(raw) ? raw : {});

  app.get('/__sandbox/clock', async () => ({ now: admin.now() }));
  app.post('/__sandbox/clock', async (request) => {
    const input = body(request.body);
    try {
      if (typeof input.set === 'string') admin.setTime(input.set);
      if (typeof input.advance_ms === 'number') admin.advanceTime(input.advance_ms);
    } catch (error) {
      if (error instanceof RangeError) throw badRequest('InvalidValue', error.message);
      throw error;
    }
    return { now: admin.now() };
  });

  app.post('/__sandbox/users', async (request) => {
    const input = body(request.body);
    const user = admin.addUser({
      name: String(input.name ?? ''),
      email: String(input.email ?? ''),
      role: (['end-user', 'agent', 'admin'] as const).find((role): role is UserRole => role === input.role) ?? 'end-user',
      groupIds: Array.isArray(input.group_ids) ? input.group_ids.flatMap((id) => toId(id) ?? []) : [],
      organizationId: toId(input.organization_id) ?? null,
    });
    return { user: { id: user.id, name: user.name, email: user.email, role: user.role } };
  });
  app.post('/__sandbox/groups', async (request) => {
    const group = admin.addGroup({ name: String(body(request.body).name ?? '') });
    return { group: { id: group.id, name: group.name } };
  });
  app.post('/__sandbox/organizations', async (request) => {
    const organization = admin.addOrganization({ name: String(body(request.body).name ?? '') });
    return { organization: { id: organization.id, name: organization.name } };
  });
  app.post('/__sandbox/api-tokens', async (request) => {
    admin.addApiToken(String(body(request.body).token ?? ''));
    return { ok: true };
  });
  app.post('/__sandbox/oauth-tokens', async (request) => {
    const input = body(request.body);
    const userId = toId(input.user_id);
    if (userId === undefined) throw badRequest('InvalidValue', 'user_id is required');
    admin.addOAuthToken(String(input.token ?? ''), userId);
    return { ok: true };
  });

  app.put('/__sandbox/rate-limits', async (request) => ({ rate_limits: admin.setRateLimits(readRateLimits(body(request.body))) }));

  app.post('/__sandbox/faults/requests', async (request) => {
    const input = body(request.body);
    admin.injectRequestFaults({
      fault: readRequestFault(input),
      count: typeof input.count === 'number' ? input.count : 1,
      ...(typeof input.method === 'string' ? { method: input.method } : {}),
      ...(typeof input.path === 'string' ? { path: input.path } : {}),
    });
    return { ok: true };
  });
  app.post('/__sandbox/faults/webhooks', async (request) => {
    const input = body(request.body);
    const delay = isJsonObject(input.delay) ? input.delay : undefined;
    admin.injectWebhookFaults({
      drop: Number(input.drop ?? 0),
      duplicate: Number(input.duplicate ?? 0),
      reorder: Number(input.reorder ?? 0),
      ...(delay ? { delay: { count: Number(delay.count ?? 1), delayMs: Number(delay.delay_ms ?? 0) } } : {}),
    });
    return { ok: true };
  });

  app.get('/__sandbox/outbox', async () => ({ mails: admin.outbox() }));
  app.get('/__sandbox/webhook-attempts', async () => ({ attempts: admin.webhookAttempts() }));
  app.get('/__sandbox/api-requests', async () => ({
    api_requests: admin.apiRequestCounts().map((c) => ({ method: c.method, route: c.route, status: c.status, user_id: c.userId, count: c.count })),
  }));
  app.post('/__sandbox/webhooks/settle', async () => {
    await admin.settleWebhooks();
    return { attempts: admin.webhookAttempts() };
  });

  app.post('/__sandbox/jobs/step', async () => {
    admin.stepJobs();
    return { ok: true };
  });
  app.post('/__sandbox/jobs/run', async () => {
    admin.runJobs();
    return { ok: true };
  });
  app.put('/__sandbox/jobs/auto-run', async (request) => {
    admin.setJobAutoRun(body(request.body).enabled === true);
    return { ok: true };
  });

  app.post('/__sandbox/apps/install', async (request) => {
    const input = body(request.body);
    if (!isJsonObject(input.requirements)) throw badRequest('InvalidValue', 'requirements is required');
    const installation = admin.installApp(input.requirements, {
      ...(toId(input.app_id) !== undefined ? { appId: toId(input.app_id) } : {}),
      ...(typeof input.app_name === 'string' ? { appName: input.app_name } : {}),
    });
    return {
      installation: {
        id: installation.id,
        app_id: installation.appId,
        requirements: installation.requirements.map((r) => ({
          identifier: r.identifier,
          requirement_id: r.requirementId,
          requirement_type: r.requirementType,
        })),
      },
    };
  });

  app.post('/__sandbox/reset', async () => {
    admin.reset();
    return { ok: true };
  });
}

function readRequestFault(input: JsonObject): RequestFault {
  if (typeof input.delay_ms === 'number') return { kind: 'delay', delayMs: input.delay_ms };
  if (input.status === 429 || input.status === 500 || input.status === 503) {
    return {
      kind: 'status',
      status: input.status,
      ...(typeof input.retry_after === 'number' ? { retryAfterSeconds: input.retry_after } : {}),
    };
  }
  throw new ApiError(400, { error: 'InvalidValue', description: 'status (429, 500, 503) or delay_ms is required' });
}

function readRateLimits(input: JsonObject): Record<string, number> {
  const keys: Record<string, string> = {
    account_per_minute: 'accountPerMinute',
    ticket_updates_per_ticket_per_user: 'ticketUpdatesPerTicketPerUser',
    ticket_updates_per_minute: 'ticketUpdatesPerMinute',
    incremental_exports_per_minute: 'incrementalExportsPerMinute',
  };
  return Object.fromEntries(
    Object.entries(keys).flatMap(([from, to]) => (typeof input[from] === 'number' ? [[to, input[from] as number]] : [])),
  );
}
