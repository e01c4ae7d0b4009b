import { METRIC_NAMES, type MetricState, type PolicySelection, type TicketSlaAssessment, type TicketSlaPreview } from '../../../core';
import { pauseText } from './describe-metric';
import { formatInstant, type SidebarFormat } from './sidebar-format';

/** What saving the agent's unsaved changes now would change: each line "If saved now: … (was …)". */
export interface PreviewLines {
  readonly lines: readonly string[];
}

export function describePreview(live: TicketSlaAssessment, preview: TicketSlaPreview, format: SidebarFormat): PreviewLines {
  const { t } = format;
  const lines: string[] = [];
  const before = policyTitle(live.policy);
  const after = policyTitle(preview.policy);
  if (before !== after) {
    lines.push(t('sidebar.what_if.policy', { after: after ?? t('sidebar.value_none'), before: before ?? t('sidebar.value_none') }));
  }
  for (const metric of METRIC_NAMES) {
    const was = outcome(live.metrics[metric].state, format);
    const becomes = outcome(preview.metrics[metric].state, format);
    if (was !== becomes) lines.push(t('sidebar.what_if.line', { metric: t(`metric.${metric}`), after: becomes, before: was }));
  }
  return { lines: lines.length > 0 ? lines : [t('sidebar.what_if.no_change')] };
}

const policyTitle = (selection: PolicySelection): string | null => (selection.kind === 'selected' ? selection.policy.title : null);

/** A metric's state in a few words, so that two states can be compared as the agent would read them. */
function outcome(state: MetricState, format: SidebarFormat): string {
  const { t } = format;
  switch (state.kind) {
    case 'active':
    case 'due_soon':
      return t('sidebar.countdown.due_at', { time: formatInstant(state.dueAt, format) });
    case 'breached':
      return t('status.breached');
    case 'paused':
      return pauseText(state.reason, t);
    case 'met':
    case 'met_late':
      return t(`status.${state.kind}`);
    case 'not_started':
      return t('sidebar.what_if.not_started');
    case 'not_applicable':
      return t('sidebar.what_if.not_measured');
  }
}
