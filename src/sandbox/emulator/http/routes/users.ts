import type { FastifyInstance } from 'fastify';
import { badRequest, forbidden, notFound } from '../../state/api-error';
import { parseIdList, requireWrapped, toId } from '../../state/input';
import type { UserRole } from '../../state/records';
import { createUser, requireUser, updateUser } from '../../state/users';
import { requireRole } from '../authenticate';
import { idParam, pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { userJson } from '../json/user-json';
import { paginate } from '../pagination';

const ROLES: readonly UserRole[] = ['end-user', 'agent', 'admin'];

export function registerUserRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;

  app.get('/api/v2/users/me', async (request) => ({ user: userJson(state, runtime.actor(request)) }));

  app.get('/api/v2/users', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const query = queryOf(request);
    // `role[]=agent&role[]=admin` (as the admin page asks) arrives as an array: Fastify parses a repeated key so.
    const asked = request.query as Record<string, string | string[] | undefined>;
    const roles = [asked.role, asked['role[]']].flat().filter((role): role is string => role !== undefined);
    const users = [...state.users.values()].filter((user) => roles.length === 0 || roles.includes(user.role));
    const page = paginate(users.sort((a, b) => a.id - b.id), query, pathUrl(runtime, request));
    return { users: page.items.map((user) => userJson(state, user)), ...page.body };
  });

  app.get('/api/v2/users/show_many', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const ids = parseIdList(queryOf(request).ids);
    if (!ids) throw badRequest('InvalidValue', 'ids is required');
    return { users: ids.flatMap((id) => state.users.get(id) ?? []).map((user) => userJson(state, user)) };
  });

  app.get('/api/v2/users/:id', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const user = state.users.get(idParam(request));
    if (!user) throw notFound();
    return { user: userJson(state, user) };
  });

  app.post('/api/v2/users', async (request, reply) => {
    const actor = runtime.actor(request);
    requireRole(actor, 'agent');
    const input = requireWrapped(request.body, 'user');
    const role = ROLES.find((r) => r === input.role) ?? 'end-user';
    // Only admins may create agents and admins; an agent's request for one creates an end user, as in Zendesk.
    const user = createUser(
      state,
      {
        name: typeof input.name === 'string' ? input.name : '',
        email: typeof input.email === 'string' ? input.email : '',
        role: actor.role === 'admin' ? role : 'end-user',
        organizationId: toId(input.organization_id) ?? null,
        timeZone: typeof input.time_zone === 'string' ? input.time_zone : 'UTC',
        ...(typeof input.locale === 'string' ? { locale: input.locale } : {}),
      },
      runtime.clock.now(),
    );
    reply.code(201);
    return { user: userJson(state, user) };
  });

  // Update User: an admin changes anyone, an agent themselves or an end user (name, time zone, language).
  app.put('/api/v2/users/:id', async (request) => {
    const actor = runtime.actor(request);
    requireRole(actor, 'agent');
    const target = requireUser(state, idParam(request));
    if (actor.role !== 'admin' && target.id !== actor.id && target.role !== 'end-user') throw forbidden();
    const input = requireWrapped(request.body, 'user');
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const changes = { name: text(input.name), timeZone: text(input.time_zone), locale: text(input.locale) };
    const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    return { user: userJson(state, updateUser(state, target.id, defined, runtime.clock.now())) };
  });
}
