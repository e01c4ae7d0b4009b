/**
 * The emulator's controllable clock. Every timestamp the emulator writes (updated_at, audit times, rate-limit
 * windows, webhook signature timestamps, retry schedules) comes from here, so a test can travel in time.
 *
 * Two modes:
 * - `running` (the default for `npm start`): time follows the machine's clock plus an offset that `advance`/`set` move.
 * - `frozen` (tests): time stands still until `advance`/`set`.
 * Time only moves forward: going back would let an `updated_at` precede an earlier one, which Zendesk never shows.
 */
export interface EmulatorClock {
  /** Current emulator time, epoch milliseconds. */
  now(): number;
  /** Moves time forward by `ms` milliseconds and runs every scheduled task that became due. */
  advance(ms: number): void;
  /** Moves time forward to `epochMs` (must not be earlier than now) and runs due tasks. */
  set(epochMs: number): void;
  /** Runs `task` once emulator time reaches `atMs`; returns a cancel function. */
  schedule(atMs: number, task: () => void): () => void;
  /** Number of tasks waiting for their time. */
  pendingTasks(): number;
  readonly mode: 'running' | 'frozen';
  /** Stops the real timer that drives scheduled tasks in running mode. */
  dispose(): void;
}

export interface EmulatorClockOptions {
  /** Start instant (epoch ms or ISO-8601); defaults to the machine's now. */
  readonly start?: number | string;
  readonly mode?: 'running' | 'frozen';
}

interface ScheduledTask {
  readonly atMs: number;
  readonly seq: number;
  readonly run: () => void;
}

export function createEmulatorClock(options: EmulatorClockOptions = {}): EmulatorClock {
  const mode = options.mode ?? 'running';
  const startMs = toEpochMs(options.start ?? Date.now());
  let offsetMs = startMs - Date.now();
  let frozenAtMs = startMs;
  let tasks: ScheduledTask[] = [];
  let seq = 0;
  let timer: NodeJS.Timeout | undefined;

  const now = (): number => (mode === 'frozen' ? frozenAtMs : Date.now() + offsetMs);

  const setNow = (targetMs: number): void => {
    if (mode === 'frozen') frozenAtMs = targetMs;
    else offsetMs = targetMs - Date.now();
  };

  const takeEarliestDue = (untilMs: number): ScheduledTask | undefined => {
    const due = tasks.filter((t) => t.atMs <= untilMs).sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)[0];
    if (due) tasks = tasks.filter((t) => t !== due);
    return due;
  };

  /**
   * Runs due tasks one at a time in time order, each seeing the clock at its own instant (as fake timers do), so a
   * task that schedules another one that is also due before `untilMs` runs it in order too.
   */
  const runDue = (untilMs: number = now()): void => {
    for (let task = takeEarliestDue(untilMs); task; task = takeEarliestDue(untilMs)) {
      if (task.atMs > now()) setNow(task.atMs);
      task.run();
    }
    if (untilMs > now()) setNow(untilMs);
    armRealTimer();
  };

  const armRealTimer = (): void => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (mode === 'frozen' || tasks.length === 0) return;
    const next = Math.min(...tasks.map((t) => t.atMs));
    timer = setTimeout(() => runDue(), Math.max(0, next - now()));
    timer.unref();
  };

  const moveTo = (targetMs: number): void => {
    if (targetMs < now()) throw new RangeError('The emulator clock only moves forward');
    runDue(targetMs);
  };

  return {
    mode,
    now,
    advance: (ms) => {
      if (ms < 0) throw new RangeError('The emulator clock only moves forward');
      moveTo(now() + ms);
    },
    set: (epochMs) => moveTo(epochMs),
    schedule: (atMs, run) => {
      const task = { atMs, seq: seq++, run };
      tasks.push(task);
      armRealTimer();
      return () => {
        tasks = tasks.filter((t) => t !== task);
      };
    },
    pendingTasks: () => tasks.length,
    dispose: () => {
      if (timer) clearTimeout(timer);
      tasks = [];
    },
  };
}

function toEpochMs(value: number | string): number {
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: ${value}`);
  return ms;
}
