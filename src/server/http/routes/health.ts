import type { FastifyInstance } from 'fastify';
import type { HttpDeps } from '../http-deps';
import type { ServerMetrics } from '../server-metrics';

/** Liveness (the process answers), readiness (database reachable and migrated) and Prometheus metrics. */
export async function healthRoutes(app: FastifyInstance, { deps, metrics }: { deps: HttpDeps; metrics: ServerMetrics }) {
  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_request, reply) => {
    const readiness = await deps.store.checkReady();
    if (readiness.ready) return { status: 'ready' };
    // A load balancer only needs the status; the reason helps whoever reads the probe by hand.
    return reply.status(503).send({ error: { code: 'not_ready', message: readiness.reason } });
  });

  app.get('/metrics', async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}
