import type { FastifyInstance } from 'fastify';
import { notFound } from '../../state/api-error';
import { createGroup, requireGroup } from '../../state/groups';
import { requireWrapped, toId } from '../../state/input';
import { addGroupMembership } from '../../state/users';
import { requireRole } from '../authenticate';
import { idParam, pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { groupJson, groupMembershipJson } from '../json/account-json';
import { paginate } from '../pagination';

export function registerGroupRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;

  app.get('/api/v2/groups', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const page = paginate([...state.groups.values()].sort((a, b) => a.id - b.id), queryOf(request), pathUrl(runtime, request));
    return { groups: page.items.map((group) => groupJson(state, group)), ...page.body };
  });

  app.get('/api/v2/groups/:id', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    return { group: groupJson(state, requireGroup(state, idParam(request))) };
  });

  app.post('/api/v2/groups', async (request, reply) => {
    requireRole(runtime.actor(request), 'admin');
    const input = requireWrapped(request.body, 'group');
    const group = createGroup(
      state,
      { name: typeof input.name === 'string' ? input.name : '', description: typeof input.description === 'string' ? input.description : '' },
      runtime.clock.now(),
    );
    reply.code(201);
    return { group: groupJson(state, group) };
  });

  app.get('/api/v2/group_memberships', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const memberships = [...state.groupMemberships.values()].sort((a, b) => a.id - b.id);
    const page = paginate(memberships, queryOf(request), pathUrl(runtime, request));
    return { group_memberships: page.items.map((m) => groupMembershipJson(state, m)), ...page.body };
  });

  app.get('/api/v2/groups/:id/memberships', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const group = requireGroup(state, idParam(request));
    const memberships = [...state.groupMemberships.values()].filter((m) => m.groupId === group.id);
    const page = paginate(memberships, queryOf(request), pathUrl(runtime, request));
    return { group_memberships: page.items.map((m) => groupMembershipJson(state, m)), ...page.body };
  });

  app.post('/api/v2/group_memberships', async (request, reply) => {
    requireRole(runtime.actor(request), 'admin');
    const input = requireWrapped(request.body, 'group_membership');
    const userId = toId(input.user_id);
    const groupId = toId(input.group_id);
    if (userId === undefined || groupId === undefined || !state.users.has(userId)) throw notFound();
    addGroupMembership(state, userId, groupId, runtime.clock.now());
    const membership = [...state.groupMemberships.values()].find((m) => m.userId === userId && m.groupId === groupId);
    reply.code(201);
    return { group_membership: membership ? groupMembershipJson(state, membership) : null };
  });
}
