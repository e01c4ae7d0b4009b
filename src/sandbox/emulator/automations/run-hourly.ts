import type { EmulatorClock } from '../clock/emulator-clock';

const HOUR_MS = 3_600_000;

/**
 * Runs `task` at the top of every emulator-clock hour, as Zendesk runs automations hourly. Time travel across
 * several hours runs it once per hour passed, in order. Returns a stop function.
 */
export function runHourly(clock: EmulatorClock, task: (nowMs: number) => void): () => void {
  let cancel = (): void => undefined;
  const scheduleNext = (): void => {
    const next = (Math.floor(clock.now() / HOUR_MS) + 1) * HOUR_MS;
    cancel = clock.schedule(next, () => {
      task(clock.now());
      scheduleNext();
    });
  };
  scheduleNext();
  return () => cancel();
}
