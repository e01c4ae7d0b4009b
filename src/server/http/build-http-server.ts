import Fastify from 'fastify';
import type { HttpDeps } from './http-deps';
import { errorResponse, notFoundBody } from './http-errors';
import { healthRoutes } from './routes/health';
import { reportRoutes } from './routes/reports';
import { objectiveRoutes } from './routes/reports-objectives';
import { backtestRoutes } from './routes/reports-backtest';
import { pauseAuditRoutes } from './routes/reports-pause-audit';
import { ticketSlaRoutes } from './routes/ticket-sla';
import { scheduleRoutes } from './routes/schedules';
import { policyRoutes } from './routes/policies';
import { policyOrderRoutes } from './routes/policies-order';
import { notificationSettingsRoutes } from './routes/notification-settings';
import { notificationTestRoutes } from './routes/notification-test';
import { impactRoutes } from './routes/impact';
import { whatIfRoutes } from './routes/what-if';
import { openApiRoutes } from './routes/openapi';
import { zendeskWebhookRoutes } from './routes/zendesk-webhooks';
import { ZendeskClients } from '../zendesk/zendesk-clients';
import { countZendeskResponses, createServerMetrics, type ServerMetrics } from './server-metrics';

/**
 * Builds the server without listening (fastify/demo's app.ts vs server.ts): `main.ts` listens, tests `inject`.
 * Each route family is its own encapsulated plugin, so the webhook's raw-body parser stays with the webhook.
 */
export async function buildHttpServer(deps: HttpDeps, metrics: ServerMetrics = createServerMetrics(deps)) {
  const app = Fastify({ loggerInstance: deps.log, trustProxy: true });
  app.decorateRequest('appCaller', null);
  // Zendesk's proxy sends the app's requests with a JSON content type even when there is no body (a DELETE):
  // an empty body is no body, not malformed JSON.
  // (A callback hook, not an async one: it runs on every request, webhook intake's included, and needs no promise.)
  app.addHook('onRequest', (request, _reply, done) => {
    const length = request.headers['content-length'];
    const bodiless = (length === undefined || length === '0') && request.headers['transfer-encoding'] === undefined;
    if (bodiless) delete request.headers['content-type'];
    done();
  });

  app.setErrorHandler((error, request, reply) => {
    const response = errorResponse(error);
    if (response.unexpected) request.log.error({ err: error }, 'request failed');
    return reply.status(response.status).send(response.body);
  });
  // An attacker could probe for valid URLs; the answer is the same shape whatever the path.
  app.setNotFoundHandler((_request, reply) => reply.status(404).send(notFoundBody));

  await app.register(healthRoutes, { deps, metrics });
  await app.register(zendeskWebhookRoutes, { deps, metrics });
  await app.register(ticketSlaRoutes, { deps });
  await app.register(scheduleRoutes, { deps });
  await app.register(policyRoutes, { deps });
  await app.register(policyOrderRoutes, { deps });
  const notificationClients = new ZendeskClients(deps.clock, countZendeskResponses(metrics));
  await app.register(notificationSettingsRoutes, { deps, zendesk: notificationClients });
  await app.register(notificationTestRoutes, { deps, zendesk: notificationClients });
  await app.register(impactRoutes, { deps });
  await app.register(whatIfRoutes, { deps });
  await app.register(openApiRoutes);
  await app.register(reportRoutes, { deps });
  await app.register(objectiveRoutes, { deps });
  await app.register(backtestRoutes, { deps });
  await app.register(pauseAuditRoutes, { deps });
  return app;
}

export type HttpServer = Awaited<ReturnType<typeof buildHttpServer>>;
