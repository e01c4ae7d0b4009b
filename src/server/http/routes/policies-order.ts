import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldError } from '../../../core';
import { POLICY_APPLY_MODES } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { parseBody } from '../request-body';
import { policyListing, policyNotFound, toPolicyResource } from './policies-body';
import { reassessIf } from './policies';

const orderSchema = z.object({
  ids: z.array(z.string()),
  apply: z.enum(POLICY_APPLY_MODES).default('new_tickets_only'),
});

/**
 * PUT /api/policies/order sets the admin's list order (it breaks ties between equally specific policies), and
 * GET /api/policies/:id/versions lists a policy's saved versions, newest first.
 */
export async function policyOrderRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get<{ Params: { id: string } }>('/api/policies/:id/versions', async (request) => {
    const versions = await deps.store.listPolicyVersions(appCallerOf(request).accountId, request.params.id);
    if (versions.length === 0) throw policyNotFound();
    return { versions: versions.map(toPolicyResource) };
  });

  app.put('/api/policies/order', async (request) => {
    const { accountId } = appCallerOf(request);
    const { ids, apply } = parseBody(orderSchema, request.body, 'invalid_order');
    const known = (await deps.store.listPolicies(accountId)).map((p) => p.id);
    const problems = orderProblems(ids, known);
    if (problems.length > 0) throw rejected.unprocessable('invalid_order', 'ids must list every policy of the account exactly once', problems);
    const now = deps.clock.now();
    // The list can change between the check above and the write (another admin adds a policy): the store checks again.
    if ((await deps.store.reorderPolicies({ accountId, ids, now })) === 'mismatch') {
      throw rejected.conflict('policies_changed', 'Policies were added or deleted meanwhile; reload and reorder', undefined, 'ids');
    }
    const ticketsMarked = await reassessIf(deps, accountId, apply, now);
    return { ...(await policyListing(deps.store, accountId)), ticketsMarkedForReassessment: ticketsMarked };
  });
}

/** Each id that is unknown or repeated, at its index; each policy left out, at `ids`. */
function orderProblems(ids: readonly string[], known: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (!known.includes(id)) problems.push({ path: `ids[${i}]`, code: 'unknown_policy', message: `no policy "${id}"`, params: { policyId: id } });
    else if (seen.has(id)) problems.push({ path: `ids[${i}]`, code: 'duplicate_id', message: `"${id}" is listed twice`, params: { policyId: id } });
    seen.add(id);
  });
  for (const id of known) {
    if (!seen.has(id)) problems.push({ path: 'ids', code: 'missing_policy', message: `policy "${id}" is not listed`, params: { policyId: id } });
  }
  return problems;
}
