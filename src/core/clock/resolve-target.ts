import type { MetricName } from '../policy/metric-name';
import type { PolicyTarget } from '../policy/sla-policy';
import type { Schedule } from '../schedule';
import type { NotApplicable, PolicyRef } from './metric-state';
import { targetIn, type TargetContext } from './policy-context';
import { businessClock, CALENDAR_CLOCK, type TargetClock } from './target-clock';

/** A target ready to measure with: its policy, its clock, and its numbers in milliseconds. */
export interface ResolvedTarget {
  readonly kind: 'resolved';
  readonly policy: PolicyRef;
  readonly target: PolicyTarget;
  readonly clock: TargetClock;
  readonly targetMillis: number;
  readonly warnMillis: number;
}

const MINUTE = 60_000;

type Schedules = Readonly<Record<string, Schedule>>;

/**
 * The target of `metric` in `context`, or why there is none. Never throws on admin data. Contexts are shared across
 * assessments (see policyContexts); so is their resolution, kept on the context for the schedules it was made with.
 */
export function resolveTarget(context: TargetContext, metric: MetricName, schedules: Schedules): ResolvedTarget | NotApplicable {
  let cache = context.resolved;
  if (cache === null || cache.schedules !== schedules) {
    cache = { schedules, byMetric: new Map() };
    context.resolved = cache;
  }
  let resolved = cache.byMetric.get(metric) as ResolvedTarget | NotApplicable | undefined;
  if (resolved === undefined) {
    resolved = resolveUncached(context, metric, schedules);
    cache.byMetric.set(metric, resolved);
  }
  return resolved;
}

function resolveUncached(context: TargetContext, metric: MetricName, schedules: Schedules): ResolvedTarget | NotApplicable {
  const policy = context.policy;
  if (policy === null) return notApplicable('no_policy', null, null);
  const ref: PolicyRef = { id: policy.id, title: policy.title };
  const target = targetIn(context, metric);
  if (target === null) return notApplicable('no_target', ref, null);
  let clock = CALENDAR_CLOCK;
  if (target.hours === 'business') {
    const schedule = target.scheduleId === undefined ? undefined : schedules[target.scheduleId];
    if (schedule === undefined) return notApplicable('missing_schedule', ref, target.scheduleId ?? null);
    clock = businessClock(schedule);
  }
  return {
    kind: 'resolved',
    policy: ref,
    target,
    clock,
    targetMillis: target.targetMinutes * MINUTE,
    warnMillis: (target.warnMinutesBefore ?? 0) * MINUTE,
  };
}

function notApplicable(reason: NotApplicable['reason'], policy: PolicyRef | null, scheduleId: string | null): NotApplicable {
  return { kind: 'not_applicable', reason, policy, scheduleId };
}
