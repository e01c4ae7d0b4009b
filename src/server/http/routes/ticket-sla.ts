import type { FastifyInstance } from 'fastify';
import {
  assessTicket,
  snapshotAt,
  validateSchedule,
  type Schedule,
  type ScheduleSpec,
  type SlaPolicy,
  type TicketEvent,
  type TicketSlaAssessment,
} from '../../../core';
import type { SlaStore } from '../../store/sla-store';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';

/**
 * What the sidebar gets for one ticket (contract: src/app/sla-server/ticket-sla.ts). `inputs` are exactly what
 * `assessment` was computed from, so the sidebar can run the same core every second at its own now, and preview
 * an unsaved change. Instants are epoch millis.
 */
export interface TicketSlaResponse {
  readonly ticketId: string;
  readonly serverNow: number;
  readonly policy: { readonly id: string; readonly title: string } | null;
  readonly assessment: TicketSlaAssessment | null;
  readonly inputs: {
    readonly history: readonly TicketEvent[];
    readonly policies: readonly SlaPolicy[];
    readonly schedules: Readonly<Record<string, ScheduleSpec>>;
  } | null;
}

/**
 * GET /api/tickets/:ticketId/sla for the sidebar. The assessment is made live at request time from the stored
 * history, the account's policies and schedules, so it is never staler than the history. A ticket with no history
 * yet (or another account's ticket: the caller's account is the only one ever read) answers nulls.
 */
export async function ticketSlaRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get<{ Params: { ticketId: string } }>('/api/tickets/:ticketId/sla', async (request): Promise<TicketSlaResponse> => {
    const { accountId } = appCallerOf(request);
    const { ticketId } = request.params;
    if (!/^[1-9]\d{0,19}$/.test(ticketId)) throw rejected.invalid('invalid_ticket_id', 'ticketId must be a positive integer');
    const now = deps.clock.now();
    const history = (await deps.store.listTicketEvents(accountId, ticketId)).map((stored) => stored.event);
    // The pipeline always starts a history with `created`; without it there is nothing the core can replay.
    if (!history.some((event) => event.type === 'created')) {
      return { ticketId, serverNow: now, policy: null, assessment: null, inputs: null };
    }
    const [policies, specs] = await Promise.all([accountPolicies(deps.store, accountId), accountSchedules(deps.store, accountId)]);
    const assessment = assessTicket({
      ticket: snapshotAt(history, now),
      history,
      policies,
      schedules: compileSchedules(specs, request.log),
      now,
    });
    const selection = assessment.policy;
    return {
      ticketId,
      serverNow: now,
      policy: selection.kind === 'selected' ? { id: selection.policy.id, title: selection.policy.title } : null,
      assessment,
      inputs: { history, policies, schedules: specs },
    };
  });
}

async function accountPolicies(store: SlaStore, accountId: string): Promise<SlaPolicy[]> {
  return (await store.listPolicies(accountId)).map((stored) => ({ id: stored.id, position: stored.position, ...stored.body }));
}

async function accountSchedules(store: SlaStore, accountId: string): Promise<Record<string, ScheduleSpec>> {
  return Object.fromEntries((await store.listSchedules(accountId)).map((stored) => [stored.id, stored.spec]));
}

/**
 * Stored schedules were validated when saved; one that no longer validates (say, a time zone the runtime dropped)
 * is left out, so the metrics that count on it say `missing_schedule` instead of the whole sidebar failing.
 */
function compileSchedules(specs: Readonly<Record<string, ScheduleSpec>>, log: { warn: (obj: object, msg: string) => void }): Record<string, Schedule> {
  const schedules: Record<string, Schedule> = {};
  for (const [id, spec] of Object.entries(specs)) {
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
    else log.warn({ scheduleId: id, problems: result.errors }, 'stored schedule does not validate');
  }
  return schedules;
}
