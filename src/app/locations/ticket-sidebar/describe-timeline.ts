import type { DueRecalculation, SlaTimelineEntry } from '../../../core';
import { fieldValueText } from './explain-policy';
import { pauseText } from './describe-metric';
import { formatInstant, type SidebarFormat } from './sidebar-format';

/** One timeline entry in words, with the due times it moved (each a line of its own). */
export interface TimelineLine {
  readonly at: number;
  readonly text: string;
  readonly recalculations: readonly string[];
}

export function describeTimeline(timeline: readonly SlaTimelineEntry[], format: SidebarFormat): TimelineLine[] {
  return timeline.map((entry, i) => {
    const line = describeEntry(entry, format);
    // One update that changed both policy and priority gives two entries with the same recalculations: say them once.
    const previous = timeline[i - 1];
    const repeated = previous !== undefined && previous.at === entry.at && previous.kind === 'policy_changed' && entry.kind === 'priority_changed';
    return repeated ? { ...line, recalculations: [] } : line;
  });
}

function describeEntry(entry: SlaTimelineEntry, format: SidebarFormat): TimelineLine {
  const { t } = format;
  const time = formatInstant(entry.at, format);
  const metric = (name: string) => t(`metric.${name}`);
  switch (entry.kind) {
    case 'policy_changed':
      return {
        at: entry.at,
        text: t('sidebar.timeline.policy_changed', { time, from: entry.from?.title ?? t('sidebar.value_none'), to: entry.to?.title ?? t('sidebar.value_none') }),
        recalculations: entry.recalculations.map((r) => recalculationText(r, format)),
      };
    case 'priority_changed':
      return {
        at: entry.at,
        text: t('sidebar.timeline.priority_changed', { time, from: fieldValueText('priority', entry.from, t), to: fieldValueText('priority', entry.to, t) }),
        recalculations: entry.recalculations.map((r) => recalculationText(r, format)),
      };
    case 'paused':
      return { at: entry.at, text: t('sidebar.timeline.paused', { time, metric: metric(entry.metric), reason: pauseText(entry.reason, t) }), recalculations: [] };
    case 'resumed':
      return { at: entry.at, text: t('sidebar.timeline.resumed', { time, metric: metric(entry.metric) }), recalculations: [] };
    case 'reopened':
      return { at: entry.at, text: t('sidebar.timeline.reopened', { time, metric: metric(entry.metric) }), recalculations: [] };
  }
}

function recalculationText(recalculation: DueRecalculation, format: SidebarFormat): string {
  const { t } = format;
  const due = (ms: number | null) => (ms === null ? t('sidebar.timeline.no_due_time') : formatInstant(ms, format));
  return t('sidebar.timeline.recalculated', {
    metric: t(`metric.${recalculation.metric}`),
    start: formatInstant(recalculation.recalculatedFrom, format),
    before: due(recalculation.dueBefore),
    after: due(recalculation.dueAfter),
  });
}
