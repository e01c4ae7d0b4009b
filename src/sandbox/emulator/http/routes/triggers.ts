import type { FastifyInstance } from 'fastify';
import { badRequest } from '../../state/api-error';
import { isJsonObject, requireWrapped } from '../../state/input';
import { createTrigger, reorderTriggers, requireTrigger, updateTrigger } from '../../state/triggers';
import { requireRole } from '../authenticate';
import { idParam, pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { triggerJson } from '../json/rule-json';
import { paginate } from '../pagination';

/** Ticket triggers (admins only), listed in position order as Zendesk runs them. */
export function registerTriggerRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  const ordered = (activeOnly: boolean) =>
    [...state.triggers.values()]
      .filter((trigger) => !activeOnly || trigger.active)
      .sort((a, b) => a.position - b.position || a.id - b.id);

  app.addHook('preHandler', async (request) => {
    if (request.url.startsWith('/api/v2/triggers')) requireRole(runtime.actor(request), 'admin');
  });

  app.get('/api/v2/triggers', async (request) => {
    const query = queryOf(request);
    const triggers = ordered(query.active === 'true');
    // Offset pages over position order; cursor pages over id order (the cursor is an id).
    const page = paginate(triggers, query, pathUrl(runtime, request));
    return { triggers: page.items.map((trigger) => triggerJson(state, trigger)), ...page.body };
  });

  app.get('/api/v2/triggers/active', async () => ({
    triggers: ordered(true).map((trigger) => triggerJson(state, trigger)),
    next_page: null,
    previous_page: null,
    count: ordered(true).length,
  }));

  app.get('/api/v2/triggers/:id', async (request) => ({ trigger: triggerJson(state, requireTrigger(state, idParam(request))) }));

  app.post('/api/v2/triggers', async (request, reply) => {
    const trigger = createTrigger(state, requireWrapped(request.body, 'trigger'), runtime.clock.now());
    reply.code(201);
    return { trigger: triggerJson(state, trigger) };
  });

  app.put('/api/v2/triggers/reorder', async (request) => {
    const ids = isJsonObject(request.body) ? request.body.trigger_ids : undefined;
    if (!Array.isArray(ids)) throw badRequest('InvalidParameter', 'Parameter trigger_ids is required');
    reorderTriggers(state, ids, runtime.clock.now());
    return { triggers: ordered(false).map((trigger) => triggerJson(state, trigger)) };
  });

  app.put('/api/v2/triggers/:id', async (request) => {
    const trigger = updateTrigger(state, idParam(request), requireWrapped(request.body, 'trigger'), runtime.clock.now());
    return { trigger: triggerJson(state, trigger) };
  });

  app.delete('/api/v2/triggers/:id', async (request, reply) => {
    state.triggers.delete(requireTrigger(state, idParam(request)).id);
    reply.code(204);
    return null;
  });
}
