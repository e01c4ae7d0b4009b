import type { CommentAuthorRole } from '../ticket/ticket-event';
import type { EpochMillis } from '../time/instant';
import { MetricClock } from './metric-clock';
import type { FulfilledBy } from './metric-state';
import type { TargetContext } from './policy-context';

/**
 * The metrics that public comments drive (https://support.zendesk.com/hc/en-us/articles/4408829459866):
 * - first reply time: creation → first public agent comment. On a ticket an agent created with a public comment
 *   (outbound), nobody is waiting for us yet: it starts at the first public end-user comment instead.
 * - next reply time: after the first reply is done, the oldest unanswered public end-user comment → the next public
 *   agent comment; each cycle is a new instance.
 * - periodic update: each public agent comment fulfils the running instance and, unless the ticket is solved,
 *   starts the next.
 * Solving fulfils whatever is running (nothing is owed on a solved ticket). None of them pauses on pending or
 * on-hold: Zendesk counts reply and update times whatever the status.
 */
export class ReplyClocks {
  firstReply: MetricClock | null;
  readonly nextReplies: MetricClock[] = [];
  readonly periodicUpdates: MetricClock[] = [];
  /** The latest instances (earlier ones are always done): what each comment looks at, without a lookup. */
  private latestNextReply: MetricClock | null = null;
  private latestPeriodicUpdate: MetricClock | null = null;

  /** `outbound`: the ticket's first comment is a public agent comment. */
  constructor(createdAt: EpochMillis, outbound: boolean) {
    this.firstReply = outbound ? null : new MetricClock('first_reply_time', 1, createdAt, createdAt);
  }

  onPublicComment(role: CommentAuthorRole, at: EpochMillis, solved: boolean, context: TargetContext): void {
    if (role === 'agent') this.onAgentReply(at, solved, context);
    else this.onEndUserComment(at);
  }

  /** The ticket is solved at `at`: every running reply or update clock is done. */
  onSolved(at: EpochMillis, context: TargetContext): void {
    fulfilIfOpen(this.firstReply, at, 'solved', context);
    fulfilIfOpen(this.latestNextReply, at, 'solved', context);
    fulfilIfOpen(this.latestPeriodicUpdate, at, 'solved', context);
  }

  /** The clocks that are still running, latest instances only (earlier ones are always done). */
  open(): MetricClock[] {
    const open: MetricClock[] = [];
    for (const clock of [this.firstReply, this.latestNextReply, this.latestPeriodicUpdate]) {
      if (clock && clock.isOpen()) open.push(clock);
    }
    return open;
  }

  private onAgentReply(at: EpochMillis, solved: boolean, context: TargetContext): void {
    fulfilIfOpen(this.firstReply, at, 'reply', context);
    fulfilIfOpen(this.latestNextReply, at, 'reply', context);
    fulfilIfOpen(this.latestPeriodicUpdate, at, 'reply', context);
    if (solved) return;
    const update = new MetricClock('periodic_update_time', this.periodicUpdates.length + 1, at, at);
    this.periodicUpdates.push(update);
    this.latestPeriodicUpdate = update;
  }

  private onEndUserComment(at: EpochMillis): void {
    if (this.firstReply === null) {
      this.firstReply = new MetricClock('first_reply_time', 1, at, at);
      return;
    }
    if (this.firstReply.isOpen()) return;
    const waiting = this.latestNextReply;
    // Only the oldest unanswered comment starts the clock: later ones wait for the same reply.
    if (waiting !== null && waiting.isOpen()) return;
    const next = new MetricClock('next_reply_time', this.nextReplies.length + 1, at, at);
    this.nextReplies.push(next);
    this.latestNextReply = next;
  }
}

function fulfilIfOpen(clock: MetricClock | null, at: EpochMillis, by: FulfilledBy, context: TargetContext): void {
  if (clock !== null && clock.fulfilledAt === null) clock.fulfilRunning(at, by, context);
}
