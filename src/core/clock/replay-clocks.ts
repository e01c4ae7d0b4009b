import type { MetricName } from '../policy/metric-name';
import type { TicketEvent } from '../ticket/ticket-event';
import type { TicketSnapshot, TicketStatus } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import type { MetricClock } from './metric-clock';
import type { CreatedEvent } from './ordered-history';
import type { PolicyContexts, TargetContext } from './policy-context';
import { ReplyClocks } from './reply-metrics';
import { SnapshotDraft } from './snapshot-draft';
import { StatusClocks, type StatusTimelineEntry } from './status-metrics';

/** An open clock as it stood at a change point: enough to measure its due time as of that instant later. */
export interface OpenClockAt {
  readonly clock: MetricClock;
  readonly spanCount: number;
  readonly openSince: EpochMillis | null;
}

/** The policy or the priority changed at `at`: open clocks get new targets, measured from their original start. */
export interface ChangePoint {
  readonly kind: 'change';
  readonly at: EpochMillis;
  readonly from: TargetContext;
  readonly to: TargetContext;
  readonly open: readonly OpenClockAt[];
}

export interface ReplayedClocks {
  readonly clocks: Readonly<Record<MetricName, readonly MetricClock[]>>;
  /** Pauses, resumptions, reopens and change points, in the order they happened. */
  readonly timeline: readonly (StatusTimelineEntry | ChangePoint)[];
}

/**
 * Replays an ordered history (see `orderHistory`) once, up to and including `now`, building every metric's clock
 * instances. Events of one instant (one audit) are applied together: first the ticket changes, then the status
 * clocks follow the new status, then the comments, then "solved" fulfils what is left. So "reply and solve" counts
 * as a reply, and "end-user comment that reopens" starts a next-reply cycle on the reopened ticket.
 */
export function replayClocks(events: readonly TicketEvent[], now: EpochMillis, contexts: PolicyContexts): ReplayedClocks {
  const created = events[0] as CreatedEvent;
  const draft = new SnapshotDraft(created.ticket);
  let context = contexts.contextFor(draft.current);
  const timeline: (StatusTimelineEntry | ChangePoint)[] = [];
  const status = new StatusClocks(draft.current.status, created.at, context);
  const replies = new ReplyClocks(created.at, isOutbound(events));

  for (let i = 0; i < events.length; ) {
    const at = (events[i] as TicketEvent).at;
    if (at > now) break;
    let end = i;
    let statusChanged = false;
    const before = context;
    for (; end < events.length && (events[end] as TicketEvent).at === at; end++) {
      const event = events[end] as TicketEvent;
      const field = changedField(event);
      if (field === null) continue;
      draft.apply(event);
      // One field at a time, so each step is one lookup from the context before it (see afterChange).
      context = contexts.afterChange(context, field, draft.current);
      if (field === 'status') statusChanged = true;
    }
    // A change of a field a condition reads may leave the policy (and the targets) as they were.
    if (context !== before && (context.policy !== before.policy || context.priority !== before.priority)) {
      timeline.push({ kind: 'change', at, from: before, to: context, open: openClocks(status, replies) });
    }
    if (statusChanged) status.changeStatus(draft.current.status, at, context, timeline);
    const solved = isSolved(draft.current.status);
    for (let k = i; k < end; k++) {
      const event = events[k] as TicketEvent;
      if (event.type === 'comment' && event.public) replies.onPublicComment(event.authorRole, at, solved, context);
    }
    if (solved) replies.onSolved(at, context);
    i = end;
  }
  return { clocks: clocksByMetric(status, replies), timeline };
}

function isSolved(status: TicketStatus): boolean {
  return status === 'solved' || status === 'closed';
}

/** A ticket is outbound when its first comment, written at creation, is a public agent comment. */
function isOutbound(events: readonly TicketEvent[]): boolean {
  const createdAt = (events[0] as TicketEvent).at;
  for (const event of events) {
    if (event.at !== createdAt) return false;
    if (event.type === 'comment') return event.public && event.authorRole === 'agent';
  }
  return false;
}

/** The snapshot field an event changes; null for events that change none (comments, `created`). */
function changedField(event: TicketEvent): keyof TicketSnapshot | null {
  switch (event.type) {
    case 'status_changed':
      return 'status';
    case 'priority_changed':
      return 'priority';
    case 'field_changed':
      return event.field;
    case 'custom_field_changed':
      return 'customFields';
    case 'tags_changed':
      return 'tags';
    default:
      return null;
  }
}

function openClocks(status: StatusClocks, replies: ReplyClocks): OpenClockAt[] {
  const open: OpenClockAt[] = [];
  for (const clock of [...status.clocks.filter((c) => c.isOpen()), ...replies.open()]) {
    open.push({ clock, spanCount: clock.spans.length, openSince: clock.openSince });
  }
  return open;
}

function clocksByMetric(status: StatusClocks, replies: ReplyClocks): Record<MetricName, readonly MetricClock[]> {
  const [requesterWait, agentWork, totalResolution] = status.clocks as [MetricClock, MetricClock, MetricClock];
  return {
    first_reply_time: replies.firstReply ? [replies.firstReply] : [],
    next_reply_time: replies.nextReplies,
    periodic_update_time: replies.periodicUpdates,
    requester_wait_time: [requesterWait],
    agent_work_time: [agentWork],
    total_resolution_time: [totalResolution],
  };
}
