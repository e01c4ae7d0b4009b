import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { lintPolicies } from '../../../core';
import { POLICY_APPLY_MODES, type PolicyApply, type SaveOutcome, type StoredPolicy } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { parseBody } from '../request-body';
import { parsePolicySave, policyListing, policyNotFound, toPolicyResource } from './policies-body';
import { accountPolicies } from './policies-in-force';

const deleteQuerySchema = z.object({ apply: z.enum(POLICY_APPLY_MODES).default('new_tickets_only') });

/**
 * /api/policies: the account's SLA policies, versioned (every save is a new version, with its author and how it
 * should reach existing tickets). `expectedVersion` guards against overwriting someone else's newer save (409
 * `version_conflict` with the current version). `apply: 'recompute_open'` asks the scheduler to re-assess the
 * account's open tickets now; `new_tickets_only` leaves them to pick the change up at their next update.
 * Order and history: policies-order.ts.
 */
export async function policyRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get('/api/policies', async (request) => policyListing(deps.store, appCallerOf(request).accountId));

  app.get<{ Params: { id: string } }>('/api/policies/:id', async (request) => {
    const stored = await deps.store.getPolicy(appCallerOf(request).accountId, request.params.id);
    if (!stored) throw policyNotFound();
    return toPolicyResource(stored);
  });

  app.post('/api/policies', async (request, reply) => {
    const { accountId, userId } = appCallerOf(request);
    const save = parsePolicySave(request.body, await scheduleIdsOf(deps, accountId));
    const now = deps.clock.now();
    const saved = await deps.store.savePolicy({ accountId, body: save.body, authorId: userId, apply: save.apply, now });
    return reply.status(201).send(await saveAnswer(deps, accountId, savedOrThrow(saved), save.apply, now));
  });

  app.put<{ Params: { id: string } }>('/api/policies/:id', async (request) => {
    const { accountId, userId } = appCallerOf(request);
    const save = parsePolicySave(request.body, await scheduleIdsOf(deps, accountId));
    const now = deps.clock.now();
    const saved = await deps.store.savePolicy({
      accountId,
      policyId: request.params.id,
      body: save.body,
      ...(save.expectedVersion !== undefined ? { expectedVersion: save.expectedVersion } : {}),
      authorId: userId,
      apply: save.apply,
      now,
    });
    return saveAnswer(deps, accountId, savedOrThrow(saved), save.apply, now);
  });

  app.delete<{ Params: { id: string }; Querystring: unknown }>('/api/policies/:id', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const { apply } = parseBody(deleteQuerySchema, request.query, 'invalid_query');
    if (!(await deps.store.deletePolicy(accountId, request.params.id))) throw policyNotFound();
    await reassessIf(deps, accountId, apply, deps.clock.now());
    return reply.status(204).send();
  });
}

function savedOrThrow(outcome: SaveOutcome<StoredPolicy>): StoredPolicy {
  if (outcome.kind === 'saved') return outcome.value;
  if (outcome.kind === 'not_found') throw policyNotFound();
  throw rejected.conflict('version_conflict', `The policy was saved by someone else meanwhile (now version ${outcome.currentVersion})`, { currentVersion: outcome.currentVersion }, 'expectedVersion');
}

/** The saved policy, the warnings that concern it (so the editor shows them at once), and how many tickets were marked. */
async function saveAnswer(deps: HttpDeps, accountId: string, saved: StoredPolicy, apply: PolicyApply, now: number) {
  const [policies, scheduleIds] = await Promise.all([accountPolicies(deps.store, accountId), scheduleIdsOf(deps, accountId)]);
  const warnings = lintPolicies(policies, { scheduleIds }).filter((w) => w.policyId === saved.id);
  const ticketsMarked = await reassessIf(deps, accountId, apply, now);
  return { policy: toPolicyResource(saved), warnings, ticketsMarkedForReassessment: ticketsMarked };
}

export async function reassessIf(deps: HttpDeps, accountId: string, apply: PolicyApply, now: number): Promise<number> {
  return apply === 'recompute_open' ? deps.store.requestReassessment(accountId, now) : 0;
}

async function scheduleIdsOf(deps: HttpDeps, accountId: string): Promise<string[]> {
  return (await deps.store.listSchedules(accountId)).map((s) => s.id);
}
