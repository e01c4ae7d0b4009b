import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assessTicket,
  compareImpact,
  snapshotAt,
  validatePolicies,
  validateSchedule,
  type FieldError,
  type ImpactChange,
  type ImpactChangeKind,
  type Schedule,
  type SlaPolicy,
} from '../../../core';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { keySegment, prefixProblems, zodProblems } from '../request-body';
import { accountPolicies, accountScheduleSpecs, compileSchedules } from './policies-in-force';

/** Tickets re-assessed per call: two assessments each, so a call stays well under a second on an ordinary server. */
export const IMPACT_TICKET_LIMIT = 1000;

const impactBodySchema = z.object({ policies: z.array(z.unknown()), schedules: z.record(z.string(), z.unknown()).default({}) });

export interface TicketImpact extends ImpactChange {
  readonly ticketId: string;
}

export interface ImpactResponse {
  readonly assessedAt: number;
  /** Open tickets re-assessed; `truncated` when the account has more than IMPACT_TICKET_LIMIT. */
  readonly scanned: number;
  readonly truncated: boolean;
  readonly changes: readonly TicketImpact[];
  /** How many changes of each kind. */
  readonly summary: Readonly<Record<ImpactChangeKind, number>>;
}

/**
 * POST /api/policies/preview-impact: what saving a draft of the whole policy list (and, optionally, draft schedules
 * by id) would do to the account's open tickets right now. Each open ticket with a stored history is assessed
 * twice by the core, under the policies in force and under the draft, and the differences listed per metric.
 * Nothing is saved.
 */
export async function impactRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.post('/api/policies/preview-impact', async (request): Promise<ImpactResponse> => {
    const { accountId } = appCallerOf(request);
    const [current, specs] = await Promise.all([accountPolicies(deps.store, accountId), accountScheduleSpecs(deps.store, accountId)]);
    const schedules = compileSchedules(specs);
    const draft = parseDraft(request.body, Object.keys(specs));
    const draftSchedules = { ...schedules, ...draft.schedules };
    const now = deps.clock.now();
    const { tickets, truncated } = await deps.store.listOpenTicketHistories(accountId, IMPACT_TICKET_LIMIT);
    const changes: TicketImpact[] = [];
    for (const { ticketId, history } of tickets) {
      if (!history.some((event) => event.type === 'created')) continue;
      const ticket = snapshotAt(history, now);
      const before = assessTicket({ ticket, history, policies: current, schedules, now });
      const after = assessTicket({ ticket, history, policies: draft.policies, schedules: draftSchedules, now });
      for (const change of compareImpact(before, after)) changes.push({ ticketId, ...change });
    }
    return { assessedAt: now, scanned: tickets.length, truncated, changes, summary: summarize(changes) };
  });
}

/** The draft list and schedules, every problem named by its path in the body (`policies[1].targets[0].targetMinutes`). */
function parseDraft(body: unknown, storedScheduleIds: readonly string[]): { policies: SlaPolicy[]; schedules: Record<string, Schedule> } {
  const parsed = impactBodySchema.safeParse(body ?? {});
  if (!parsed.success) throw rejected.unprocessable('invalid_draft', 'Draft is invalid', zodProblems(parsed.error));
  const problems: FieldError[] = [];
  const schedules: Record<string, Schedule> = {};
  for (const [id, spec] of Object.entries(parsed.data.schedules)) {
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
    else problems.push(...prefixProblems(`schedules${keySegment(id)}`, result.errors));
  }
  const scheduleIds = [...new Set([...storedScheduleIds, ...Object.keys(parsed.data.schedules)])];
  const policies = validatePolicies(parsed.data.policies, { scheduleIds });
  if (!policies.ok) problems.push(...prefixProblems('policies', policies.errors));
  if (!policies.ok || problems.length > 0) throw rejected.unprocessable('invalid_draft', 'Draft is invalid', problems);
  return { policies: policies.value, schedules };
}

function summarize(changes: readonly TicketImpact[]): Record<ImpactChangeKind, number> {
  const summary: Record<ImpactChangeKind, number> = {
    newly_applies: 0,
    no_longer_applies: 0,
    newly_breached: 0,
    no_longer_breached: 0,
    earlier: 0,
    later: 0,
    policy_changed: 0,
  };
  for (const change of changes) summary[change.change] += 1;
  return summary;
}
