import type { FastifyInstance } from 'fastify';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { METRIC_NAMES } from '../../../core/policy/metric-name';
import { objectivePeriodOf, objectiveStatus, OBJECTIVE_PERIODS, type SlaObjective } from '../../../core/report';
import { PRIORITIES } from '../../../core/ticket/ticket-snapshot';
import type { SlaStore } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';

/**
 * Objectives (issue #6): percentile promises over calendar periods, and where each stands now.
 *   GET    /api/reports/objectives        every objective with its status in the period containing now
 *   POST   /api/reports/objectives        create; PUT /api/reports/objectives/:id replace; DELETE … remove
 */
const objectiveBodySchema = z.object({
  title: z.string().trim().min(1).max(200),
  metric: z.enum(METRIC_NAMES),
  priority: z.enum(PRIORITIES).nullable(),
  organizationId: z.string().min(1).nullable().default(null),
  policyId: z.string().min(1).nullable().default(null),
  targetMinutes: z.number().positive().max(525_600),
  percent: z.number().gt(0).lt(100),
  period: z.enum(OBJECTIVE_PERIODS),
  timeZone: z.string().refine((zone) => IANAZone.isValidZone(zone), { message: 'not an IANA time zone' }),
});

function parseBody(body: unknown) {
  const parsed = objectiveBodySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), code: issue.code, message: issue.message }));
  throw rejected.invalid('invalid_objective', parsed.error.issues[0]?.message ?? 'Invalid objective', problems);
}

/** The objective's status now, from the records of its period that match its metric, priority, org and policy. */
export async function statusNow(store: SlaStore, accountId: string, objective: SlaObjective, now: number) {
  const { start, end } = objectivePeriodOf(now, objective.period, objective.timeZone);
  const records = await store.listSliceRecords({
    accountId,
    from: start,
    to: Math.min(end, now + 1),
    filters: {
      metric: objective.metric,
      ...(objective.priority !== null ? { priority: objective.priority } : {}),
      ...(objective.organizationId !== null ? { organization: objective.organizationId } : {}),
      ...(objective.policyId !== null ? { policy: objective.policyId } : {}),
    },
  });
  return objectiveStatus(objective, records, now);
}

export async function objectiveRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get('/api/reports/objectives', async (request) => {
    const { accountId } = appCallerOf(request);
    const now = deps.clock.now();
    const stored = await deps.store.listObjectives(accountId);
    const objectives = await Promise.all(stored.map(async ({ objective }) => ({ objective, status: await statusNow(deps.store, accountId, objective, now) })));
    return { now, objectives };
  });

  app.post('/api/reports/objectives', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const saved = await deps.store.saveObjective({ accountId, body: parseBody(request.body), now: deps.clock.now() });
    return reply.status(201).send(saved);
  });

  app.put<{ Params: { objectiveId: string } }>('/api/reports/objectives/:objectiveId', async (request) => {
    const { accountId } = appCallerOf(request);
    const saved = await deps.store.saveObjective({ accountId, objectiveId: request.params.objectiveId, body: parseBody(request.body), now: deps.clock.now() });
    if (!saved) throw rejected.notFound('objective_not_found', 'No such objective');
    return saved;
  });

  app.delete<{ Params: { objectiveId: string } }>('/api/reports/objectives/:objectiveId', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    if (!(await deps.store.deleteObjective(accountId, request.params.objectiveId))) throw rejected.notFound('objective_not_found', 'No such objective');
    return reply.status(204).send();
  });
}
