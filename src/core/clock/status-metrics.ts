import type { MetricName } from '../policy/metric-name';
import { TICKET_STATUSES, type TicketStatus } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import { MetricClock } from './metric-clock';
import type { PauseReason } from './metric-state';
import type { TargetContext } from './policy-context';
import type { SlaTimelineEntry } from './ticket-sla-assessment';

/** What a ticket status does to a status metric's clock. */
export type StatusMode =
  | { readonly kind: 'running' }
  | { readonly kind: 'paused'; readonly reason: PauseReason }
  | { readonly kind: 'stopped' };

const RUNNING: StatusMode = { kind: 'running' };
const STOPPED: StatusMode = { kind: 'stopped' };
const PAUSED_PENDING: StatusMode = { kind: 'paused', reason: 'pending' };
const PAUSED_HOLD: StatusMode = { kind: 'paused', reason: 'hold' };

/**
 * The metrics that one ticket status decides, with Zendesk's definitions
 * (https://support.zendesk.com/hc/en-us/articles/4408829459866, "Defining SLA policies"):
 * - requester wait time: time in new, open and on-hold; pending pauses it (the requester owes us an answer);
 * - agent work time: time in new and open; pending and on-hold pause it (nobody can act on the ticket);
 * - total resolution time: from creation to solved, whatever the status in between.
 * Solved (and closed, which only follows solved) stops all three; a reopen resumes the same instance.
 */
export const STATUS_METRICS: ReadonlyArray<{ readonly metric: MetricName; readonly modes: Readonly<Record<TicketStatus, StatusMode>> }> = [
  {
    metric: 'requester_wait_time',
    modes: { new: RUNNING, open: RUNNING, hold: RUNNING, pending: PAUSED_PENDING, solved: STOPPED, closed: STOPPED },
  },
  {
    metric: 'agent_work_time',
    modes: { new: RUNNING, open: RUNNING, hold: PAUSED_HOLD, pending: PAUSED_PENDING, solved: STOPPED, closed: STOPPED },
  },
  {
    metric: 'total_resolution_time',
    modes: { new: RUNNING, open: RUNNING, hold: RUNNING, pending: RUNNING, solved: STOPPED, closed: STOPPED },
  },
];

/** Each status's modes in STATUS_METRICS order: one lookup per status change rather than one per clock. */
const MODES_BY_STATUS = {} as Record<TicketStatus, readonly StatusMode[]>;
for (const status of TICKET_STATUSES) MODES_BY_STATUS[status] = STATUS_METRICS.map(({ modes }) => modes[status]);

export type StatusTimelineEntry = Extract<SlaTimelineEntry, { kind: 'paused' | 'resumed' | 'reopened' }>;

/** Where the status clocks report pauses, resumptions and reopens. */
export interface StatusTimeline {
  push(entry: StatusTimelineEntry): unknown;
}

/** The three status metrics of a ticket, each with its single instance, following the ticket's status. */
export class StatusClocks {
  /** In STATUS_METRICS order. */
  readonly clocks: readonly MetricClock[];
  /**
   * The mode each clock is in, beside it: kept rather than read back from the clock, because a replay moves every
   * status clock at each of a ticket's dozens of status changes and most moves change nothing.
   */
  private readonly modes: StatusMode[];

  /** Starts every status metric at the ticket's creation, in the mode of the status it was created with. */
  constructor(status: TicketStatus, at: EpochMillis, context: TargetContext) {
    this.clocks = STATUS_METRICS.map(({ metric }) => new MetricClock(metric, 1, at, null));
    this.modes = STATUS_METRICS.map(({ modes }, k) => {
      enterMode(this.clocks[k] as MetricClock, modes[status], at, context);
      return modes[status];
    });
  }

  /** Moves every status clock to the mode of the ticket's new status at `at`. */
  changeStatus(status: TicketStatus, at: EpochMillis, context: TargetContext, timeline: StatusTimeline): void {
    const modes = MODES_BY_STATUS[status];
    for (let k = 0; k < modes.length; k++) {
      const mode = modes[k] as StatusMode;
      const previous = this.modes[k] as StatusMode;
      if (previous === mode) continue;
      this.modes[k] = mode;
      changeMode(this.clocks[k] as MetricClock, previous, mode, at, context, timeline);
    }
  }
}

function changeMode(clock: MetricClock, previous: StatusMode, mode: StatusMode, at: EpochMillis, context: TargetContext, timeline: StatusTimeline): void {
  const { metric, instance } = clock;
  if (previous.kind === 'running') clock.closeSpan(at);
  if (previous.kind === 'paused') clock.pauseReason = null;
  if (previous.kind === 'stopped') {
    clock.reopen();
    timeline.push({ kind: 'reopened', at, metric, instance });
  }
  enterMode(clock, mode, at, context);
  if (mode.kind === 'paused') timeline.push({ kind: 'paused', at, metric, instance, reason: mode.reason });
  if (mode.kind === 'running' && previous.kind === 'paused') timeline.push({ kind: 'resumed', at, metric, instance });
}

function enterMode(clock: MetricClock, mode: StatusMode, at: EpochMillis, context: TargetContext): void {
  if (mode.kind === 'running') clock.openSince = at;
  else if (mode.kind === 'paused') {
    clock.pauseReason = mode.reason;
    clock.pausedSince = at;
  } else clock.fulfil(at, 'solved', context);
}
