import type { FastifyInstance } from 'fastify';
import { requireWrapped, toId } from '../../state/input';
import { createOrganization, requireOrganization } from '../../state/organizations';
import { requireRole } from '../authenticate';
import { idParam, pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { organizationJson } from '../json/account-json';
import { paginate } from '../pagination';

export function registerOrganizationRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;

  app.get('/api/v2/organizations', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const organizations = [...state.organizations.values()].sort((a, b) => a.id - b.id);
    const page = paginate(organizations, queryOf(request), pathUrl(runtime, request));
    return { organizations: page.items.map((o) => organizationJson(state, o)), ...page.body };
  });

  app.get('/api/v2/organizations/:id', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    return { organization: organizationJson(state, requireOrganization(state, idParam(request))) };
  });

  app.post('/api/v2/organizations', async (request, reply) => {
    requireRole(runtime.actor(request), 'admin');
    const input = requireWrapped(request.body, 'organization');
    const organization = createOrganization(
      state,
      {
        name: typeof input.name === 'string' ? input.name : '',
        domainNames: Array.isArray(input.domain_names) ? input.domain_names.map(String) : [],
        groupId: toId(input.group_id) ?? null,
      },
      runtime.clock.now(),
    );
    reply.code(201);
    return { organization: organizationJson(state, organization) };
  });
}
