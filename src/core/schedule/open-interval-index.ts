import type { EpochMillis } from '../time/instant';

/** Open intervals [start, end) of a schedule overlapping [from, to), in order, as epoch millis. */
export type OpenIntervalsBetween = (from: EpochMillis, to: EpochMillis) => ReadonlyArray<readonly [EpochMillis, EpochMillis]>;

const DAY = 86_400_000;
/** How much of the time line one extension reads: a month of a schedule is a few dozen intervals. */
const CHUNK = 28 * DAY;
/** An add that finds no open time within this far gives up the index (the caller falls back). */
const HORIZON = 3 * 366 * DAY;

/**
 * A schedule's open intervals over the part of the time line assessments have needed so far, with running totals,
 * so that business time between two instants is two binary searches and a subtraction, and adding business time is
 * one search. Replaying a ticket measures hundreds of spans on the same few weeks of the same schedule; computing
 * each from the schedule's rules would redo the same calendar work each time.
 *
 * Counted time is `cumulative(t)`: open milliseconds from the index's origin to t. Intervals are half-open, so an
 * add that lands exactly on a closing instant returns that instant, as the schedule's own add does.
 */
export class OpenIntervalIndex {
  private starts: EpochMillis[] = [];
  private ends: EpochMillis[] = [];
  /** cumulative[i]: open milliseconds before interval i. */
  private cumulative: number[] = [];
  private low: EpochMillis;
  private high: EpochMillis;
  /**
   * Where the last search landed. An assessment asks about instants in time order (spans, then the next instance's
   * start), so the next answer is nearly always this interval or the one after: checked before searching.
   */
  private hint = 0;

  constructor(
    private readonly intervalsBetween: OpenIntervalsBetween,
    around: EpochMillis,
  ) {
    this.low = around;
    this.high = around;
  }

  /** Open milliseconds in [from, to), from <= to. */
  between(from: EpochMillis, to: EpochMillis): number {
    this.cover(from);
    this.cover(to);
    return this.countedAt(to) - this.countedAt(from);
  }

  /** The instant `millis` (> 0) open milliseconds after `from`, or null beyond the horizon (no open time). */
  add(from: EpochMillis, millis: number): EpochMillis | null {
    this.cover(from);
    const target = this.countedAt(from) + millis;
    while (this.totalCounted() < target) {
      if (this.high - from > HORIZON) return null;
      this.extendForward();
    }
    const i = this.firstReaching(target);
    return (this.starts[i] as number) + (target - (this.cumulative[i] as number));
  }

  /**
   * The instant `millis` (> 0) open milliseconds before `from`, or null beyond the horizon. Mirrors `add`: running
   * out exactly at an opening instant returns that opening instant.
   */
  subtract(from: EpochMillis, millis: number): EpochMillis | null {
    this.cover(from);
    while (this.countedAt(from) - millis < 0) {
      if (from - this.low > HORIZON) return null;
      this.extendBackward();
    }
    const target = this.countedAt(from) - millis;
    const i = this.lastStartingAtOrBefore(target);
    return (this.starts[i] as number) + (target - (this.cumulative[i] as number));
  }

  /** `t` when it is open, else the next opening; null when nothing opens within the horizon. */
  nextOpening(t: EpochMillis): EpochMillis | null {
    this.cover(t);
    for (;;) {
      const i = this.lastStartAtOrBefore(t);
      if (i >= 0 && t < (this.ends[i] as number)) return t;
      if (i + 1 < this.starts.length) return this.starts[i + 1] as number;
      if (this.high - t > HORIZON) return null;
      this.extendForward();
    }
  }

  /** Whether `t` lies in an open interval (half-open: a closing instant is closed). */
  isOpen(t: EpochMillis): boolean {
    this.cover(t);
    const i = this.lastStartAtOrBefore(t);
    return i >= 0 && t < (this.ends[i] as number);
  }

  /** The open interval containing or following `t` ([start clipped to t, end)), or null beyond the horizon. */
  periodFrom(t: EpochMillis): readonly [EpochMillis, EpochMillis] | null {
    const start = this.nextOpening(t);
    if (start === null) return null;
    const i = this.lastStartAtOrBefore(start);
    // An interval reaching the covered edge may continue: cover past its end before reporting it.
    while ((this.ends[i] as number) >= this.high) this.extendForward();
    return [start, this.ends[i] as number];
  }

  /** Index of the last interval starting at or before t, or -1. */
  private lastStartAtOrBefore(t: EpochMillis): number {
    const starts = this.starts;
    const n = starts.length;
    // A hint made stale by extendBackward (which renumbers) fails these checks and falls through to the search.
    for (let i = this.hint; i < n && i <= this.hint + 1; i++) {
      if ((starts[i] as number) <= t && (i + 1 === n || (starts[i + 1] as number) > t)) {
        this.hint = i;
        return i;
      }
    }
    let lo = 0;
    let hi = n - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found >= 0) this.hint = found;
    return found;
  }

  /** Index of the last interval whose counted start is at or before `target` counted milliseconds. */
  private lastStartingAtOrBefore(target: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] as number) <= target) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  private totalCounted(): number {
    const n = this.starts.length;
    return n === 0 ? 0 : (this.cumulative[n - 1] as number) + (this.ends[n - 1] as number) - (this.starts[n - 1] as number);
  }

  /** Open milliseconds from the origin to t (t inside the covered range). */
  private countedAt(t: EpochMillis): number {
    const found = this.lastStartAtOrBefore(t);
    if (found === -1) return 0;
    return (this.cumulative[found] as number) + Math.min(t, this.ends[found] as number) - (this.starts[found] as number);
  }

  /** The first interval whose end reaches `target` counted milliseconds. */
  private firstReaching(target: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const endCount = (this.cumulative[mid] as number) + (this.ends[mid] as number) - (this.starts[mid] as number);
      if (endCount >= target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private cover(t: EpochMillis): void {
    while (t >= this.high) this.extendForward();
    while (t < this.low) this.extendBackward();
  }

  private extendForward(): void {
    const from = this.high;
    this.high = from + CHUNK;
    let total = this.totalCounted();
    for (const [start, end] of this.intervalsBetween(from, this.high)) {
      const s = Math.max(start, from);
      const n = this.starts.length;
      // An interval across the old edge was cut there: continue it rather than start another.
      if (n > 0 && this.ends[n - 1] === s) {
        this.ends[n - 1] = Math.min(end, this.high);
        total += Math.min(end, this.high) - s;
        continue;
      }
      this.starts.push(s);
      this.ends.push(Math.min(end, this.high));
      this.cumulative.push(total);
      total += Math.min(end, this.high) - s;
    }
  }

  private extendBackward(): void {
    const to = this.low;
    this.low = to - CHUNK;
    const earlier = this.intervalsBetween(this.low, to).map(([start, end]) => [Math.max(start, this.low), Math.min(end, to)] as const);
    const starts = earlier.map(([s]) => s);
    const ends = earlier.map(([, e]) => e);
    // Merge an interval cut at the old edge with its continuation.
    if (ends.length > 0 && this.starts.length > 0 && ends[ends.length - 1] === this.starts[0]) {
      ends[ends.length - 1] = this.ends[0] as number;
      this.starts.shift();
      this.ends.shift();
    }
    this.starts = [...starts, ...this.starts];
    this.ends = [...ends, ...this.ends];
    this.cumulative = [];
    let total = 0;
    for (let i = 0; i < this.starts.length; i++) {
      this.cumulative.push(total);
      total += (this.ends[i] as number) - (this.starts[i] as number);
    }
  }
}
