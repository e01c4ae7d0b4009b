import { runEvery, type LoopTimer } from '../../../src/server/jobs/run-every';

/** A timer that only fires when the test says so, remembering each requested delay. */
function manualTimer() {
  const scheduled: { callback: () => void; ms: number; cleared: boolean; fired: boolean }[] = [];
  const timer: LoopTimer = {
    setTimeout: (callback, ms) => {
      const entry = { callback, ms, cleared: false, fired: false };
      scheduled.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      (handle as { cleared: boolean }).cleared = true;
    },
  };
  const fireNext = async () => {
    const entry = scheduled.find((e) => !e.cleared && !e.fired);
    if (!entry) throw new Error('nothing scheduled');
    entry.fired = true;
    entry.callback();
    await settle();
  };
  return { timer, scheduled, fireNext };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('runEvery', () => {
  it('runs at once, then waits the interval after each run, or no time when the task says there is more', async () => {
    const { timer, scheduled, fireNext } = manualTimer();
    const outcomes: ('more' | 'idle')[] = ['more', 'idle', 'idle'];
    let runs = 0;
    const loop = runEvery({ name: 'test', intervalMs: 1000, timer, onError: () => undefined, task: async () => outcomes[runs++] });
    await settle();
    expect(runs).toBe(1);
    expect(scheduled.map((s) => s.ms)).toEqual([0]);
    await fireNext();
    expect(runs).toBe(2);
    expect(scheduled.map((s) => s.ms)).toEqual([0, 1000]);
    await loop.stop();
    expect(scheduled.at(-1)?.cleared).toBe(true);
  });

  it('reports a failing run and carries on', async () => {
    const { timer, fireNext } = manualTimer();
    const errors: string[] = [];
    let runs = 0;
    const loop = runEvery({
      name: 'flaky',
      intervalMs: 10,
      timer,
      onError: (error, name) => errors.push(`${name}: ${(error as Error).message}`),
      task: async () => {
        runs += 1;
        if (runs === 1) throw new Error('boom');
      },
    });
    await settle();
    await fireNext();
    expect(runs).toBe(2);
    expect(errors).toEqual(['flaky: boom']);
    await loop.stop();
  });

  it('stop() waits for the run in flight and schedules nothing after it', async () => {
    const { timer, scheduled } = manualTimer();
    let finish: () => void = () => undefined;
    const loop = runEvery({ name: 'slow', intervalMs: 10, timer, onError: () => undefined, task: () => new Promise<void>((resolve) => (finish = resolve)) });
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    expect(scheduled).toEqual([]);
  });
});
