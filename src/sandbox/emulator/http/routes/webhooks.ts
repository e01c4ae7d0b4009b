import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isJsonObject } from '../../state/input';
import { createWebhook, requireWebhook, resetSigningSecret, updateWebhook, webhookInvalid } from '../../state/webhooks';
import { requireRole } from '../authenticate';
import type { EmulatorRuntime } from '../emulator-runtime';
import { webhookJson } from '../json/rule-json';

/** The Webhooks API (admins only). Its ids are strings and its writes answer 201 (create) or 204 (changes). */
export function registerWebhookRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  const webhookId = (request: FastifyRequest): string => (request.params as { id: string }).id;
  const body = (request: FastifyRequest) => {
    const inner = isJsonObject(request.body) ? request.body.webhook : undefined;
    if (!isJsonObject(inner)) throw webhookInvalid('/webhook', 'A webhook object is required');
    return inner;
  };

  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/api/v2/webhooks')) requireRole(runtime.actor(request), 'admin');
  });

  app.get('/api/v2/webhooks', async (request) => {
    const query = request.query as Record<string, string | undefined>;
    const nameContains = query['filter[name_contains]']?.toLowerCase();
    const status = query['filter[status]'];
    const webhooks = [...state.webhooks.values()]
      .filter((w) => (nameContains === undefined || w.name.toLowerCase().includes(nameContains)) && (status === undefined || w.status === status))
      .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
    return {
      webhooks: webhooks.map(webhookJson),
      meta: { has_more: false, after_cursor: null, before_cursor: null },
      links: { next: null, prev: null },
    };
  });

  app.post('/api/v2/webhooks', async (request, reply) => {
    const webhook = createWebhook(state, body(request), runtime.actor(request).id, runtime.clock.now());
    reply.code(201).header('location', `${state.baseUrl}/api/v2/webhooks/${webhook.id}`);
    return { webhook: webhookJson(webhook) };
  });

  app.get('/api/v2/webhooks/:id', async (request) => ({ webhook: webhookJson(requireWebhook(state, webhookId(request))) }));

  for (const method of ['put', 'patch'] as const) {
    app[method]('/api/v2/webhooks/:id', async (request, reply) => {
      updateWebhook(state, webhookId(request), body(request), {
        merge: method === 'patch',
        actorId: runtime.actor(request).id,
        nowMs: runtime.clock.now(),
      });
      reply.code(204);
      return null;
    });
  }

  app.delete('/api/v2/webhooks/:id', async (request, reply) => {
    state.webhooks.delete(requireWebhook(state, webhookId(request)).id);
    reply.code(204);
    return null;
  });

  app.get('/api/v2/webhooks/:id/signing_secret', async (request) => ({
    signing_secret: { algorithm: 'SHA256', secret: requireWebhook(state, webhookId(request)).signingSecret },
  }));

  app.post('/api/v2/webhooks/:id/signing_secret', async (request, reply) => {
    const webhook = resetSigningSecret(state, webhookId(request));
    reply.code(201);
    return { signing_secret: { algorithm: 'SHA256', secret: webhook.signingSecret } };
  });
}
