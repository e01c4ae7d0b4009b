import type { EpochMillis } from '../time/instant';
import type { TicketSlaAssessment, TicketSlaPreview } from './ticket-sla-assessment';

/**
 * The earliest instant after the assessment's `assessedAt` at which assessing again, with no new event, gives a
 * different state: a running clock entering its warning window (`warnAt`) or breaching (`dueAt`). Paused and done
 * clocks change only through events. Null when nothing will change by itself. Assessing at exactly this instant
 * shows the change (windows and breaches start inclusively).
 */
export function nextCheckAt(assessment: Pick<TicketSlaAssessment | TicketSlaPreview, 'metrics' | 'assessedAt'>): EpochMillis | null {
  let earliest: EpochMillis | null = null;
  const consider = (at: EpochMillis | null): void => {
    if (at !== null && at > assessment.assessedAt && (earliest === null || at < earliest)) earliest = at;
  };
  for (const metric of Object.values(assessment.metrics)) {
    for (const { state } of metric.instances) {
      if (state.kind === 'active') consider(state.warnAt ?? state.dueAt);
      if (state.kind === 'due_soon') consider(state.dueAt);
    }
  }
  return earliest;
}
