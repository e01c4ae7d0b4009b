import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  compareImpact,
  previewAssessment,
  snapshotAt,
  type ImpactChange,
  type TicketSlaPreview,
  type TicketSnapshot,
} from '../../../core';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { parseBody } from '../request-body';
import { accountPolicies, accountScheduleSpecs, compileSchedules } from './policies-in-force';

const id = z.string().regex(/^[1-9]\d{0,19}$/, 'a Zendesk id (positive integer, as a string)');
const whatIfSchema = z.object({
  changes: z
    .strictObject({
      priority: z.enum(PRIORITIES).nullable().optional(),
      status: z.enum(TICKET_STATUSES).optional(),
      type: z.enum(TICKET_TYPES).nullable().optional(),
      groupId: id.nullable().optional(),
      assigneeId: id.nullable().optional(),
    })
    .default({}),
});

export interface WhatIfResponse {
  readonly ticketId: string;
  /** The core's preview: the assessment as if the changes were saved now. */
  readonly preview: TicketSlaPreview;
  /** What the changes would move, per metric, against the ticket as it is (the same words as the impact preview). */
  readonly changes: readonly ImpactChange[];
}

/**
 * POST /api/tickets/:ticketId/sla/what-if: "if this ticket's priority / status / group / type / assignee changed
 * now, what would its SLA become?", computed by the core's previewAssessment over the stored history with the
 * account's policies and schedules. A ticket the account has no history for answers 404.
 */
export async function whatIfRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.post<{ Params: { ticketId: string } }>('/api/tickets/:ticketId/sla/what-if', async (request): Promise<WhatIfResponse> => {
    const { accountId } = appCallerOf(request);
    const { ticketId } = request.params;
    if (!/^[1-9]\d{0,19}$/.test(ticketId)) throw rejected.invalid('invalid_ticket_id', 'ticketId must be a positive integer');
    const { changes } = parseBody(whatIfSchema, request.body, 'invalid_changes');
    const history = (await deps.store.listTicketEvents(accountId, ticketId)).map((stored) => stored.event);
    if (!history.some((event) => event.type === 'created')) throw rejected.notFound('ticket_not_found', 'The server has no history for this ticket');
    const [policies, specs] = await Promise.all([accountPolicies(deps.store, accountId), accountScheduleSpecs(deps.store, accountId)]);
    const now = deps.clock.now();
    const input = { ticket: snapshotAt(history, now), history, policies, schedules: compileSchedules(specs), now };
    const patch = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<TicketSnapshot>;
    const preview = previewAssessment(input, patch);
    const current = previewAssessment(input, {});
    return { ticketId, preview, changes: compareImpact({ ...current, kind: 'assessment' }, { ...preview, kind: 'assessment' }) };
  });
}
