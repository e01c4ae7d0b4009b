import type { Schedule } from '../schedule';
import type { EpochMillis } from '../time/instant';
import { measureClock } from './measure-clock';
import type { NotApplicable, PolicyRef } from './metric-state';
import type { TargetContext } from './policy-context';
import type { ChangePoint, OpenClockAt } from './replay-clocks';
import { resolveTarget, type ResolvedTarget } from './resolve-target';
import type { StatusTimelineEntry } from './status-metrics';
import type { DueRecalculation, SlaTimelineEntry } from './ticket-sla-assessment';

type Schedules = Readonly<Record<string, Schedule>>;

/**
 * Turns the replay's record into the timeline the sidebar shows. A change point becomes `policy_changed` and/or
 * `priority_changed`, each listing the open clocks whose due time moved (both entries carry the same list when
 * both changed in one update).
 */
export function buildTimeline(raw: readonly (StatusTimelineEntry | ChangePoint)[], schedules: Schedules): SlaTimelineEntry[] {
  const timeline: SlaTimelineEntry[] = [];
  for (const item of raw) {
    if (item.kind !== 'change') {
      timeline.push(item);
      continue;
    }
    const recalculations = recalculate(item, schedules);
    if (item.from.policy !== item.to.policy) {
      timeline.push({ kind: 'policy_changed', at: item.at, from: refOf(item.from), to: refOf(item.to), recalculations });
    }
    if (item.from.priority !== item.to.priority) {
      timeline.push({ kind: 'priority_changed', at: item.at, from: item.from.priority, to: item.to.priority, recalculations });
    }
  }
  return timeline;
}

function recalculate(change: ChangePoint, schedules: Schedules): DueRecalculation[] {
  const moved: DueRecalculation[] = [];
  for (const open of change.open) {
    const before = resolveTarget(change.from, open.clock.metric, schedules);
    const after = resolveTarget(change.to, open.clock.metric, schedules);
    if (sameTarget(before, after)) continue;
    const dueBefore = dueAsOf(open, before, change.at);
    const dueAfter = dueAsOf(open, after, change.at);
    if (dueBefore === dueAfter) continue;
    const { metric, instance, startedAt } = open.clock;
    moved.push({ metric, instance, recalculatedFrom: startedAt, dueBefore, dueAfter });
  }
  return moved;
}

/** The due time an open clock had at `at` under a target; null without a target or while paused. */
function dueAsOf(open: OpenClockAt, resolved: ResolvedTarget | NotApplicable, at: EpochMillis): EpochMillis | null {
  if (resolved.kind !== 'resolved') return null;
  return measureClock(resolved.clock, open.clock.spans, open.spanCount, open.openSince, at, resolved.targetMillis).dueAt;
}

/** Same target on the same clock: the due time cannot have moved, no need to measure. */
function sameTarget(a: ResolvedTarget | NotApplicable, b: ResolvedTarget | NotApplicable): boolean {
  if (a.kind !== 'resolved' || b.kind !== 'resolved') return a.kind === b.kind;
  return a.clock === b.clock && a.targetMillis === b.targetMillis;
}

function refOf(context: TargetContext): PolicyRef | null {
  return context.policy === null ? null : { id: context.policy.id, title: context.policy.title };
}
