import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validateSchedule, type FieldError, type ScheduleSpec } from '../../../core';
import { POLICY_APPLY_MODES, type PolicyApply, type StoredSchedule } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { prefixProblems, zodProblems } from '../request-body';

/** A schedule as the app API shows it; `schedule` is the admin's ScheduleSpec, as saved. Instants are epoch millis. */
export interface ScheduleResource {
  readonly id: string;
  readonly name: string;
  readonly schedule: ScheduleSpec;
  readonly createdAt: number;
  readonly updatedAt: number;
}

const scheduleBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  schedule: z.unknown(),
  /** New hours move the due times of business-hours targets: `recompute_open` re-assesses open tickets now. */
  apply: z.enum(POLICY_APPLY_MODES).default('new_tickets_only'),
});

/**
 * /api/schedules: the account's business-hours schedules. Bodies are `{ name, schedule }`, the schedule checked by
 * the core's validateSchedule (422 naming `schedule.week.mon[1]` and the like). Names are unique per account (409
 * `duplicate_name`); a schedule that a policy target counts on cannot be deleted (409 `schedule_in_use`).
 */
export async function scheduleRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get('/api/schedules', async (request) => {
    const { accountId } = appCallerOf(request);
    return { schedules: (await deps.store.listSchedules(accountId)).map(toResource) };
  });

  app.get<{ Params: { id: string } }>('/api/schedules/:id', async (request) => {
    const { accountId } = appCallerOf(request);
    const stored = await deps.store.getSchedule(accountId, request.params.id);
    if (!stored) throw scheduleNotFound();
    return toResource(stored);
  });

  app.post('/api/schedules', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const { name, spec } = parseScheduleBody(request.body);
    const saved = await deps.store.saveSchedule({ accountId, name, spec, now: deps.clock.now() });
    return reply.status(201).send(toResource(savedOrThrow(saved, name)));
  });

  app.put<{ Params: { id: string } }>('/api/schedules/:id', async (request) => {
    const { accountId } = appCallerOf(request);
    const { name, spec, apply } = parseScheduleBody(request.body);
    const now = deps.clock.now();
    const saved = savedOrThrow(await deps.store.saveSchedule({ accountId, scheduleId: request.params.id, name, spec, now }), name);
    if (apply === 'recompute_open') await deps.store.requestReassessment(accountId, now);
    return toResource(saved);
  });

  app.delete<{ Params: { id: string } }>('/api/schedules/:id', async (request, reply) => {
    const { accountId } = appCallerOf(request);
    const { id } = request.params;
    if (!(await deps.store.getSchedule(accountId, id))) throw scheduleNotFound();
    // Inactive policies count too: re-activating one would otherwise bring back a target with no schedule.
    const users = (await deps.store.listPolicies(accountId)).filter((p) => p.body.targets.some((t) => t.scheduleId === id));
    if (users.length > 0) {
      const policies = users.map((p) => ({ id: p.id, title: p.body.title }));
      throw rejected.conflict('schedule_in_use', `Schedule is used by ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'}`, { policies });
    }
    await deps.store.deleteSchedule(accountId, id);
    return reply.status(204).send();
  });
}

/** Every problem at once: the name's and the schedule's, each with its path in the body. */
function parseScheduleBody(body: unknown): { name: string; spec: ScheduleSpec; apply: PolicyApply } {
  const parsed = scheduleBodySchema.safeParse(body ?? {});
  const problems: FieldError[] = parsed.success ? [] : zodProblems(parsed.error);
  const schedule = (body as { schedule?: unknown } | null)?.schedule;
  const validated = validateSchedule(schedule);
  if (!validated.ok) problems.push(...prefixProblems('schedule', validated.errors));
  if (!parsed.success || !validated.ok || problems.length > 0) throw rejected.unprocessable('invalid_schedule', 'Schedule is invalid', problems);
  return { name: parsed.data.name, spec: schedule as ScheduleSpec, apply: parsed.data.apply };
}

function savedOrThrow(outcome: Awaited<ReturnType<HttpDeps['store']['saveSchedule']>>, name: string): StoredSchedule {
  switch (outcome.kind) {
    case 'saved':
      return outcome.value;
    case 'duplicate_name':
      throw rejected.conflict('duplicate_name', `Another schedule is already named "${name}"`, { name }, 'name');
    case 'not_found':
      throw scheduleNotFound();
    case 'version_conflict':
      throw new Error('schedules are not versioned');
  }
}

const scheduleNotFound = () => rejected.notFound('schedule_not_found', 'No such schedule');

function toResource(stored: StoredSchedule): ScheduleResource {
  return { id: stored.id, name: stored.name, schedule: stored.spec, createdAt: stored.createdAt, updatedAt: stored.updatedAt };
}
