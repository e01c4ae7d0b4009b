import { z } from 'zod';
import type { ScheduleSpec, SlaPolicy, TicketEvent, TicketSlaAssessment } from '../../core';
import type { SlaServerCall } from './sla-server-api';

/**
 * What the server says about one ticket's SLA (src/server/http/routes/ticket-sla.ts): the assessment it made at
 * `serverNow`, and the inputs it made it from, so that the sidebar re-runs the same core every second and for
 * previews. Everything is null while the server has no history for the ticket. Instants are epoch millis.
 */
export interface TicketSla {
  readonly ticketId: string;
  readonly serverNow: number;
  readonly policy: { readonly id: string; readonly title: string } | null;
  readonly assessment: TicketSlaAssessment | null;
  readonly inputs: TicketSlaInputs | null;
}

export interface TicketSlaInputs {
  readonly history: readonly TicketEvent[];
  readonly policies: readonly SlaPolicy[];
  readonly schedules: Readonly<Record<string, ScheduleSpec>>;
}

/**
 * The body's skeleton: the fields the sidebar branches on are checked, the rest is the core's data, which the core
 * itself reads (the core's types are the contract; both sides are built from the same source).
 */
const millis = z.number().finite();
const record = z.looseObject({});
const bodySchema = z.object({
  ticketId: z.string(),
  serverNow: millis,
  policy: z.object({ id: z.string(), title: z.string() }).nullable(),
  assessment: z
    .looseObject({
      kind: z.literal('assessment'),
      assessedAt: millis,
      policy: z.looseObject({ kind: z.enum(['selected', 'none']), considered: z.array(record) }),
      metrics: z.record(z.string(), z.looseObject({ state: z.looseObject({ kind: z.string() }) })),
      timeline: z.array(z.looseObject({ kind: z.string(), at: millis })),
    })
    .nullable(),
  inputs: z
    .object({
      history: z.array(z.looseObject({ type: z.string(), at: millis })),
      policies: z.array(z.looseObject({ id: z.string(), position: z.number(), targets: z.array(record) })),
      schedules: z.record(z.string(), z.looseObject({ timeZone: z.string() })),
    })
    .nullable(),
});

export function parseTicketSla(body: unknown): { ok: true; value: TicketSla } | { ok: false; detail: string } {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `${issue?.path.join('.') || '(body)'}: ${issue?.message ?? 'invalid'}` };
  }
  if ((parsed.data.assessment === null) !== (parsed.data.inputs === null)) {
    return { ok: false, detail: 'assessment and inputs must both be present or both null' };
  }
  return { ok: true, value: parsed.data as unknown as TicketSla };
}

/** `GET /api/tickets/:ticketId/sla` on our server. */
export const ticketSlaCall = (ticketId: number): SlaServerCall<TicketSla> => ({
  method: 'GET',
  path: `/api/tickets/${encodeURIComponent(String(ticketId))}/sla`,
  parse: parseTicketSla,
});
