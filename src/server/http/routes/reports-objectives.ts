import type { FastifyInstance } from 'fastify';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { METRIC_NAMES } from '../../../core/policy/metric-name';
import { OBJECTIVE_PERIODS } from '../../../core/report';
import { PRIORITIES } from '../../../core/ticket/ticket-snapshot';
import { statusNow } from '../../reports/objective-status-now';
import { DEFAULT_OBJECTIVE_ALERT } from '../../store/report-queries';
import { syncBudgetTriggers } from '../../zendesk/objective-alert-triggers';
import { ZendeskClients } from '../../zendesk/zendesk-clients';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';

/**
 * Objectives (issue #6): percentile promises over calendar periods, and where each stands now.
 *   GET    /api/reports/objectives        every objective with its status in the period containing now
 *   POST   /api/reports/objectives        create; PUT /api/reports/objectives/:id replace; DELETE … remove
 * An objective may carry `alert` (budget alerts: on/off, threshold in percent of the period's budget, recipients);
 * left out, it is off on create and unchanged on replace. Every change syncs the objectives' budget triggers in
 * Zendesk; a failed sync is answered as `alertTriggers: 'pending'` (saved anyway; the hourly setup syncs them).
 */
const alertSchema = z
  .object({
    enabled: z.boolean(),
    thresholdPercent: z.number().gt(0).max(100).default(DEFAULT_OBJECTIVE_ALERT.thresholdPercent),
    recipients: z.array(z.string().trim().toLowerCase().email('not an email address')).max(20).default([]),
  })
  .refine((alert) => !alert.enabled || alert.recipients.length > 0, { message: 'at least one recipient when alerts are on', path: ['recipients'] });

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
  alert: alertSchema.optional(),
});

function parseBody(body: unknown) {
  const parsed = objectiveBodySchema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.join('.');
    // Worded by the app as its own check words them: a recipient that is no address, alerts on with nobody to mail.
    if (issue.code === 'invalid_format' && issue.format === 'email') {
      const address = issue.path.reduce<unknown>((value, key) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined), body);
      return { path, code: 'invalid_email', message: issue.message, params: { address: String(address) } };
    }
    if (issue.code === 'custom' && path === 'alert.recipients') return { path, code: 'required', message: issue.message };
    return { path, code: issue.code, message: issue.message };
  });
  throw rejected.invalid('invalid_objective', parsed.error.issues[0]?.message ?? 'Invalid objective', problems);
}

export async function objectiveRoutes(app: FastifyInstance, { deps, zendesk }: { deps: HttpDeps; zendesk?: ZendeskClients }) {
  const clients = zendesk ?? new ZendeskClients(deps.clock);
  app.addHook('onRequest', appAuthHook(deps));

  /** The budget triggers after a change: 'synced', or 'pending' when Zendesk is not reachable or not connected. */
  async function syncTriggers(accountId: string): Promise<'synced' | 'pending'> {
    const account = await deps.store.findAccount(accountId);
    if (!account?.zendeskSetup || account.credentials.kind === 'sandbox') return 'pending';
    try {
      await syncBudgetTriggers({ client: clients.for(account), store: deps.store, accountId, log: deps.log });
      return 'synced';
    } catch (error) {
      deps.log.warn({ err: error, accountId }, 'objective saved; budget trigger sync failed');
      return 'pending';
    }
  }

  app.get('/api/reports/objectives', async (request) => {
    const { accountId } = appCallerOf(request);
    const now = deps.clock.now();
    const stored = await deps.store.listObjectives(accountId);
    const objectives = await Promise.all(stored.map(async ({ objective, alert }) => ({ objective, alert, status: await statusNow(deps.store, accountId, objective, now) })));
    return { now, objectives };
  });

  app.post('/api/reports/objectives', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const { alert, ...body } = parseBody(request.body);
    const saved = await deps.store.saveObjective({ accountId, body, ...(alert ? { alert } : {}), now: deps.clock.now() });
    return reply.status(201).send({ ...saved, alertTriggers: await syncTriggers(accountId) });
  });

  app.put<{ Params: { objectiveId: string } }>('/api/reports/objectives/:objectiveId', async (request) => {
    const { accountId } = appCallerOf(request);
    const { alert, ...body } = parseBody(request.body);
    const saved = await deps.store.saveObjective({ accountId, objectiveId: request.params.objectiveId, body, ...(alert ? { alert } : {}), now: deps.clock.now() });
    if (!saved) throw rejected.notFound('objective_not_found', 'No such objective');
    return { ...saved, alertTriggers: await syncTriggers(accountId) };
  });

  app.delete<{ Params: { objectiveId: string } }>('/api/reports/objectives/:objectiveId', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    if (!(await deps.store.deleteObjective(accountId, request.params.objectiveId))) throw rejected.notFound('objective_not_found', 'No such objective');
    await syncTriggers(accountId);
    return reply.status(204).send();
  });
}
