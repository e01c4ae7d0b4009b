import type { MetricName } from '../policy/metric-name';
import type { EpochMillis } from '../time/instant';
import type { FulfilledBy, PauseReason } from './metric-state';
import type { TargetContext } from './policy-context';

// Shared by clocks that have not closed a span yet; `closeSpan` replaces it, never pushes to it.
const NO_SPANS: EpochMillis[] = [];

/**
 * One instance of a metric's clock, as the replay builds it: when it started, the spans in which it ran, and
 * whether it is running, paused or done now. It knows nothing of targets: the same spans are measured later on
 * whichever target (and schedule) applies, which is what makes "recalculated from the original start, paused time
 * stays paused" a matter of measuring again.
 *
 * Exactly one holds: running (`openSince` set), paused (`pauseReason` set), fulfilled (`fulfilledAt` set); a clock
 * fulfilled by `fulfilRunning` also keeps `openSince`, its last span then running to `fulfilledAt`. A class
 * with flat fields because a replay makes and updates hundreds of these per assessment (methods also keep the hot
 * calls off module boundaries, which some module loaders make slow); a pause is two fields, not an object, for the
 * same reason: a ticket pauses and resumes dozens of times.
 */
export class MetricClock {
  /** Closed running spans as flat [start0, end0, start1, end1, ...], half-open, in order. */
  spans: EpochMillis[] = NO_SPANS;
  /** Why the clock is paused, null when it is not. */
  pauseReason: PauseReason | null = null;
  /** When the current pause began (meaningful only while `pauseReason` is set). */
  pausedSince: EpochMillis = 0;
  fulfilledAt: EpochMillis | null = null;
  fulfilledBy: FulfilledBy = 'reply';
  /** The policy and priority in force at the fulfilment: fulfilled instances keep their target. */
  fulfilledIn: TargetContext | null = null;

  constructor(
    readonly metric: MetricName,
    readonly instance: number,
    readonly startedAt: EpochMillis,
    /** Start of the running span, null when not running. */
    public openSince: EpochMillis | null,
  ) {}

  isOpen(): boolean {
    return this.fulfilledAt === null;
  }

  /** Ends the running span at `at` (a zero-length span is dropped: it would only cost a measurement). */
  closeSpan(at: EpochMillis): void {
    const since = this.openSince;
    if (since === null) return;
    if (at > since) {
      if (this.spans.length === 0) this.spans = [since, at];
      else this.spans.push(since, at);
    }
    this.openSince = null;
  }

  fulfil(at: EpochMillis, by: FulfilledBy, context: TargetContext): void {
    this.closeSpan(at);
    this.pauseReason = null;
    this.fulfilledAt = at;
    this.fulfilledBy = by;
    this.fulfilledIn = context;
  }

  /**
   * Fulfils a running clock that has never paused (a reply or update clock) without closing its span: the span
   * stays `openSince` to `fulfilledAt`, which measures the same as a closed one (the instance is measured up to its
   * fulfilment), and no spans array is made for each of the hundred-odd reply instances of a long ticket.
   */
  fulfilRunning(at: EpochMillis, by: FulfilledBy, context: TargetContext): void {
    this.fulfilledAt = at;
    this.fulfilledBy = by;
    this.fulfilledIn = context;
  }

  /** Undoes a fulfilment (a reopened ticket's status metrics); the caller sets the new mode. */
  reopen(): void {
    this.fulfilledAt = null;
    this.fulfilledIn = null;
  }
}
