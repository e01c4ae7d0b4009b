import {
  assessTicket,
  previewAssessment,
  snapshotAt,
  validateSchedule,
  type AssessTicketInput,
  type Schedule,
  type SlaPolicy,
  type TicketEvent,
  type TicketSlaAssessment,
  type TicketSlaPreview,
  type TicketSnapshot,
} from '../../../core';
import type { TicketSlaInputs } from '../../sla-server/ticket-sla';

/** The server's inputs made ready for the core once per answer: schedules compiled, one stable policies array. */
export interface LiveInputs {
  readonly history: readonly TicketEvent[];
  /** One array per answer: the core memoizes the policy choice per array, so ticking every second stays cheap. */
  readonly policies: readonly SlaPolicy[];
  readonly schedules: Readonly<Record<string, Schedule>>;
}

/** A schedule the browser cannot compile is left out, as on the server: its metrics say `missing_schedule`. */
export function compileInputs(inputs: TicketSlaInputs): LiveInputs {
  const schedules: Record<string, Schedule> = {};
  for (const [id, spec] of Object.entries(inputs.schedules)) {
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
  }
  return { history: inputs.history, policies: inputs.policies, schedules };
}

function inputAt(inputs: LiveInputs, now: number): AssessTicketInput {
  // As on the server: the ticket is the history replayed to now, so both sides assess the same ticket.
  return { ticket: snapshotAt(inputs.history, now), history: inputs.history, policies: inputs.policies, schedules: inputs.schedules, now };
}

/** The ticket's SLA at `now` (the browser's clock corrected to the server's). */
export function assessAt(inputs: LiveInputs, now: number): TicketSlaAssessment {
  return assessTicket(inputAt(inputs, now));
}

/** "If you save this now": null when the agent has changed nothing the SLA reads. */
export function previewAt(inputs: LiveInputs, now: number, patch: Partial<TicketSnapshot>): TicketSlaPreview | null {
  if (Object.keys(patch).length === 0) return null;
  const preview = previewAssessment(inputAt(inputs, now), patch);
  return preview.syntheticEvents.length === 0 ? null : preview;
}
