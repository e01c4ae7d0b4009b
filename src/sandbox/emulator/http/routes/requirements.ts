import type { FastifyInstance } from 'fastify';
import { formatZendeskTime } from '../../clock/zendesk-time';
import { notFound } from '../../state/api-error';
import { idParam, type EmulatorRuntime } from '../emulator-runtime';

/** GET /apps/installations/{id}/requirements: identifier → requirement_id/requirement_type of an installed app. */
export function registerRequirementRoutes(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  app.get('/api/v2/apps/installations/:id/requirements', async (request) => {
    const installation = state.installations.get(idParam(request));
    if (!installation) throw notFound();
    const requirements = installation.requirements.map((requirement) => ({
      account_id: 1,
      installation_id: installation.id,
      identifier: requirement.identifier,
      requirement_id: requirement.requirementId,
      requirement_type: requirement.requirementType,
      created_at: formatZendeskTime(installation.createdAt),
      updated_at: formatZendeskTime(installation.createdAt),
    }));
    return { requirements, next_page: null, previous_page: null, count: requirements.length };
  });
}
