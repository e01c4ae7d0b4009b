import type { TicketSlaAssessment } from '../clock/ticket-sla-assessment';
import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import type { ReportRecord } from './report-record';

/**
 * One report record per metric instance of an assessment. The dimensions (priority, group, assignee, …) are the
 * ticket's as passed, i.e. as it is at the assessment, so a ticket moved to another group reports there. The server
 * pipeline and the backtest both use this, which is what lets a backtest of the current policies reproduce the
 * stored records exactly.
 */
export function recordsFromAssessment(ticket: TicketSnapshot, assessment: TicketSlaAssessment): ReportRecord[] {
  const records: ReportRecord[] = [];
  for (const metric of Object.values(assessment.metrics)) {
    for (const { instance, startedAt, state } of metric.instances) {
      const measured = state.kind !== 'not_applicable';
      records.push({
        ticketId: ticket.id,
        metric: metric.metric,
        instance,
        policyId: measured ? state.policy.id : (state.policy?.id ?? null),
        priority: ticket.priority,
        groupId: ticket.groupId,
        assigneeId: ticket.assigneeId,
        brandId: ticket.brandId,
        organizationId: ticket.organizationId,
        via: ticket.via,
        status: state.kind,
        startedAt,
        dueAt: measured ? state.dueAt : null,
        fulfilledAt: state.kind === 'met' || state.kind === 'met_late' ? state.fulfilledAt : null,
        breachedAt: state.kind === 'breached' || state.kind === 'met_late' ? state.breachedAt : null,
        businessMinutes: measured ? state.elapsedBusinessMinutes : null,
        calendarMinutes: measured ? state.elapsedCalendarMinutes : null,
      });
    }
  }
  return records;
}
