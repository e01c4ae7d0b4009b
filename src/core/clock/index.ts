/** Metric clocks and ticket assessment: from a ticket's history, the policies, the schedules and `now` to SLA state. */
export * from './metric-state';
export * from './ticket-sla-assessment';
export { assessTicket, type AssessTicketInput } from './assess-ticket';
export { nextCheckAt } from './next-check-at';
export { compareAssessments, type SlaTransition, type SlaTransitionKind } from './sla-transitions';
export { previewAssessment, eventsForChanges } from './preview-assessment';
export { snapshotAt } from './snapshot-draft';
export { orderHistory } from './ordered-history';
export { compareImpact, type ImpactChange, type ImpactChangeKind } from './compare-impact';
