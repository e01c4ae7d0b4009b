import type { EmulatorClock } from '../clock/emulator-clock';
import type { EmulatorState } from '../state/emulator-state';
import type { JobStatusRecord } from '../state/records';
import type { WebhookCall } from '../triggers/run-triggers';
import { stepUpdateManyJob } from './run-update-many-job';

/**
 * Runs update_many jobs in the background, as Zendesk's job workers do: each job moves queued → working →
 * completed, one step every `stepDelayMs` real milliseconds. With `autoRun` off a test moves jobs itself with
 * `step()` (one step for every unfinished job) or `runAll()`, to see each state deterministically.
 */
export interface JobScheduler {
  queued(job: JobStatusRecord): void;
  step(): void;
  runAll(): void;
  setAutoRun(enabled: boolean): void;
  close(): void;
}

export function createJobScheduler(options: {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly dispatch: (calls: readonly WebhookCall[]) => void;
  readonly autoRun: boolean;
  readonly stepDelayMs: number;
}): JobScheduler {
  let autoRun = options.autoRun;
  const timers = new Set<NodeJS.Timeout>();
  const unfinished = (): JobStatusRecord[] =>
    [...options.state.jobStatuses.values()].filter((job) => job.status === 'queued' || job.status === 'working');
  const stepJob = (job: JobStatusRecord): void => options.dispatch(stepUpdateManyJob(options.state, job, options.clock.now()));

  const scheduleSteps = (job: JobStatusRecord): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!autoRun) return;
      stepJob(job);
      if (job.status === 'queued' || job.status === 'working') scheduleSteps(job);
    }, options.stepDelayMs);
    timers.add(timer);
  };

  return {
    queued: (job) => {
      if (autoRun) scheduleSteps(job);
    },
    step: () => unfinished().forEach(stepJob),
    runAll: () => {
      for (let jobs = unfinished(); jobs.length > 0; jobs = unfinished()) jobs.forEach(stepJob);
    },
    setAutoRun: (enabled) => {
      autoRun = enabled;
      if (enabled) unfinished().forEach(scheduleSteps);
    },
    close: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
