/** The timer a loop waits with; tests pass a manual one instead of the global setTimeout. */
export interface LoopTimer {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemTimer: LoopTimer = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** `more` when the task stopped at its batch limit: run again at once instead of waiting a whole interval. */
export type TaskOutcome = 'more' | 'idle';

export interface RunEveryOptions {
  /** Names the loop in logs. */
  readonly name: string;
  readonly intervalMs: number;
  readonly task: () => Promise<TaskOutcome | void>;
  readonly timer?: LoopTimer;
  readonly onError: (error: unknown, name: string) => void;
}

export interface RunningLoop {
  /** No new run starts after this; resolves once the run in flight (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Runs `task` now and then `intervalMs` after each run ends (never two runs at once, so a slow run delays the
 * next instead of piling up). A failing run is reported and the loop goes on: one bad ticket must not stop the
 * worker. The interval is measured by the timer, not by reading a clock, so tests drive it step by step.
 */
export function runEvery({ name, intervalMs, task, timer = systemTimer, onError }: RunEveryOptions): RunningLoop {
  let stopped = false;
  let pending: unknown = null;
  let inFlight: Promise<void> = Promise.resolve();

  const runOnce = async (): Promise<void> => {
    pending = null;
    let outcome: TaskOutcome | void = 'idle';
    try {
      outcome = await task();
    } catch (error) {
      onError(error, name);
    }
    if (!stopped) pending = timer.setTimeout(() => void (inFlight = runOnce()), outcome === 'more' ? 0 : intervalMs);
  };

  inFlight = runOnce();
  return {
    async stop() {
      stopped = true;
      if (pending !== null) timer.clearTimeout(pending);
      pending = null;
      await inFlight;
    },
  };
}
