import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { ApiError, forbidden, invalidEndpoint, tooManyRequests } from '../state/api-error';
import type { EmulatorState } from '../state/emulator-state';
import type { UserRecord } from '../state/records';
import type { EmulatorRuntime } from './emulator-runtime';
import { rateLimitHeaders } from './rate-limits';
import type { RequestFault } from './request-faults';

/**
 * What happens to every /api/v2 request before its route, in Zendesk's order as a client sees it: injected faults
 * (they stand for the network and Zendesk's edge), authentication (401), the account rate limit (429), then
 * permissions (403). Also the JSON body parser and the one error handler that writes Zendesk's error shapes.
 */
export function installApiHooks(
  app: FastifyInstance,
  runtime: EmulatorRuntime,
  authenticate: (state: EmulatorState, header: string | undefined) => UserRecord,
): void {
  // Zendesk accepts an empty body on POST (e.g. resetting a signing secret); fastify's default parser would not.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new ApiError(400, { error: 'InvalidJSON', description: 'The request body is not valid JSON' }), undefined);
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v2/')) return;
    const path = request.url.split('?')[0] ?? '';
    const fault = runtime.requestFaults.take(request.method, path);
    if (fault) await applyFault(fault);
    const actor = authenticate(runtime.state, request.headers.authorization);
    const limit = runtime.limiter.takeAccountRequest(runtime.clock.now());
    reply.headers(rateLimitHeaders(limit));
    // End users reach their own profile only; their ticket access goes through the Requests API, not emulated.
    if (actor.role === 'end-user' && path !== '/api/v2/users/me') throw forbidden();
    runtime.setActor(request, actor);
  });

  app.setNotFoundHandler(async (request, reply) => {
    const error = invalidEndpoint();
    return reply.code(error.statusCode).send(error.body);
  });

  app.setErrorHandler(async (error: FastifyError | ApiError, _request, reply: FastifyReply) => {
    if (error instanceof ApiError) return reply.code(error.statusCode).headers(error.headers).send(error.body);
    if (error.statusCode !== undefined && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: 'InvalidRequest', description: error.message });
    }
    return reply.code(500).send({ error: 'InternalServerError', description: error.message });
  });
}

async function applyFault(fault: RequestFault): Promise<void> {
  if (fault.kind === 'delay') {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    return;
  }
  if (fault.status === 429) throw tooManyRequests(fault.retryAfterSeconds ?? 60, 'Number of allowed API requests per minute exceeded');
  const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.status === 503) throw new ApiError(503, { error: 'ServiceUnavailable', description: 'Service temporarily unavailable' }, headers);
  throw new ApiError(500, { error: 'InternalServerError', description: 'Internal server error' }, headers);
}
