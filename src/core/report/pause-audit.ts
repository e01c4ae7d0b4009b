import { orderHistory } from '../clock/ordered-history';
import type { TicketEvent } from '../ticket/ticket-event';
import type { TicketStatus } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';

/** One agent's pauses: who had the ticket when it was put into pending or on-hold. */
export interface AgentPauses {
  /** The ticket's assignee at the pause (the history does not say who changed the status); null: unassigned. */
  readonly assigneeId: string | null;
  readonly pauses: number;
  /** Pauses within `quickMinutes` after a public end-user comment. */
  readonly quickPauses: number;
  /** Of those, pauses with no public agent comment since that end-user comment: the customer got no answer. */
  readonly quickPausesWithoutReply: number;
  /** Tickets this agent paused more than once in the period (pause, resume, pause again). */
  readonly ticketsPausedRepeatedly: number;
  /** Wall-clock minutes the paused tickets stayed paused (to the resume, or to `until`): time taken off the clock. */
  readonly pausedMinutes: number;
}

export interface PauseAuditInput {
  readonly tickets: Iterable<{ readonly history: readonly TicketEvent[] }>;
  /** Pauses that start in [from, to) are counted. */
  readonly from: EpochMillis;
  readonly to: EpochMillis;
  /** A pause still running is counted up to here (usually `now`). */
  readonly until: EpochMillis;
  readonly quickMinutes: number;
}

const PAUSED: ReadonlySet<TicketStatus> = new Set(['pending', 'hold']);

interface Tally {
  pauses: number;
  quickPauses: number;
  quickPausesWithoutReply: number;
  ticketsPausedRepeatedly: number;
  pausedMs: number;
}

/**
 * Pauses per agent, for the pause audit (issue #6). A pause starts when a ticket goes from new/open to pending or
 * on-hold, and ends when it leaves both (pending → on-hold is the same pause); solving ends it too. These are the
 * moves that stop requester wait and agent work time, so a pattern of quick or repeated pauses is time taken off
 * the SLA clock.
 */
export function pauseAudit(input: PauseAuditInput): AgentPauses[] {
  const tallies = new Map<string | null, Tally>();
  const tallyOf = (assigneeId: string | null) => {
    let tally = tallies.get(assigneeId);
    if (!tally) tallies.set(assigneeId, (tally = { pauses: 0, quickPauses: 0, quickPausesWithoutReply: 0, ticketsPausedRepeatedly: 0, pausedMs: 0 }));
    return tally;
  };
  for (const { history } of input.tickets) {
    const pausesBy = new Map<string | null, number>();
    let status: TicketStatus = 'new';
    let assigneeId: string | null = null;
    let lastEndUserComment: EpochMillis | null = null;
    let repliedSince = false;
    let pause: { at: EpochMillis; tally: Tally } | null = null;
    const endPause = (at: EpochMillis) => {
      if (pause) pause.tally.pausedMs += Math.max(0, Math.min(at, input.until) - pause.at);
      pause = null;
    };
    for (const event of orderHistory(history)) {
      if (event.at > input.until) break;
      if (event.type === 'created') {
        status = event.ticket.status;
        assigneeId = event.ticket.assigneeId;
      } else if (event.type === 'field_changed' && event.field === 'assigneeId') {
        assigneeId = event.to;
      } else if (event.type === 'comment' && event.public) {
        if (event.authorRole === 'end_user') [lastEndUserComment, repliedSince] = [event.at, false];
        else repliedSince = true;
      } else if (event.type === 'status_changed') {
        const wasPaused = PAUSED.has(status);
        status = event.to;
        if (wasPaused && !PAUSED.has(status)) endPause(event.at);
        if (wasPaused || !PAUSED.has(status) || event.at < input.from || event.at >= input.to) continue;
        const tally = tallyOf(assigneeId);
        tally.pauses++;
        const quick = lastEndUserComment !== null && event.at - lastEndUserComment <= input.quickMinutes * 60_000;
        if (quick) tally.quickPauses++;
        if (quick && !repliedSince) tally.quickPausesWithoutReply++;
        const count = (pausesBy.get(assigneeId) ?? 0) + 1;
        pausesBy.set(assigneeId, count);
        if (count === 2) tally.ticketsPausedRepeatedly++;
        pause = { at: event.at, tally };
      }
    }
    endPause(input.until);
  }
  return [...tallies.entries()]
    .map(([assigneeId, t]) => ({
      assigneeId,
      pauses: t.pauses,
      quickPauses: t.quickPauses,
      quickPausesWithoutReply: t.quickPausesWithoutReply,
      ticketsPausedRepeatedly: t.ticketsPausedRepeatedly,
      pausedMinutes: t.pausedMs / 60_000,
    }))
    .sort((a, b) => b.quickPauses - a.quickPauses || b.pausedMinutes - a.pausedMinutes || (String(a.assigneeId) < String(b.assigneeId) ? -1 : String(a.assigneeId) > String(b.assigneeId) ? 1 : 0));
}
