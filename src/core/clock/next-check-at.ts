import type { EpochMillis } from '../time/instant';
import type { TicketSlaAssessment, TicketSlaPreview } from './ticket-sla-assessment';

/**
 * The earliest instant after the assessment's `assessedAt` at which assessing again, with no new event, gives a
 * different state: a running clock entering its warning window (`warnAt`) or breaching (`dueAt`). Paused and done
 * clocks change only through events. Null when nothing will change by itself. Assessing at exactly this instant
 * shows the change (windows and breaches start inclusively).
 */
export function nextCheckAt(assessment: Pick<TicketSlaAssessment | TicketSlaPreview, 'metrics' | 'assessedAt'>): EpochMillis | null {
  const after = assessment.assessedAt;
  let earliest: EpochMillis | null = null;
  for (const metric of Object.values(assessment.metrics)) {
    for (const { state } of metric.instances) {
      // Plain loops, no helper closure: this runs on every assessment, over every instance.
      const at = state.kind === 'active' ? (state.warnAt ?? state.dueAt) : state.kind === 'due_soon' ? state.dueAt : null;
      if (at !== null && at > after && (earliest === null || at < earliest)) earliest = at;
    }
  }
  return earliest;
}
