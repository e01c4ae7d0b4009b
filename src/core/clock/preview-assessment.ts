import type { ChangeableField, TicketEvent } from '../ticket/ticket-event';
import type { CustomFieldValue, TicketSnapshot } from '../ticket/ticket-snapshot';
import { toEpochMillis, type EpochMillis } from '../time/instant';
import { assessTicket, type AssessTicketInput } from './assess-ticket';
import type { TicketSlaPreview } from './ticket-sla-assessment';

const CHANGEABLE_FIELDS: readonly ChangeableField[] = [
  'type',
  'groupId',
  'assigneeId',
  'brandId',
  'organizationId',
  'ticketFormId',
  'requesterEmail',
  'via',
];

/**
 * "If you save this, the due time becomes ...": assesses the ticket as if the agent saved `patch` at `now`, by
 * appending the events that save would record (all at `now`) and assessing the patched ticket. The result's
 * `kind: 'preview'` keeps it out of `compareAssessments` and storage.
 */
export function previewAssessment(input: AssessTicketInput, patch: Partial<TicketSnapshot>): TicketSlaPreview {
  const at = toEpochMillis(input.now);
  const ticket: TicketSnapshot = { ...input.ticket, ...patch, id: input.ticket.id };
  const syntheticEvents = eventsForChanges(input.ticket, ticket, at);
  const assessment = assessTicket({ ...input, ticket, history: [...input.history, ...syntheticEvents], now: at });
  return { ...assessment, kind: 'preview', patch, syntheticEvents };
}

/** The history events that turn `before` into `after` at `at` (the shape Zendesk's audits are normalized to). */
export function eventsForChanges(before: TicketSnapshot, after: TicketSnapshot, at: EpochMillis): TicketEvent[] {
  const events: TicketEvent[] = [];
  if (after.status !== before.status) events.push({ type: 'status_changed', at, from: before.status, to: after.status });
  if (after.priority !== before.priority) events.push({ type: 'priority_changed', at, from: before.priority, to: after.priority });
  for (const field of CHANGEABLE_FIELDS) {
    if (after[field] !== before[field]) events.push({ type: 'field_changed', at, field, from: before[field], to: after[field] });
  }
  for (const fieldId of new Set([...Object.keys(before.customFields), ...Object.keys(after.customFields)])) {
    const from = before.customFields[fieldId] ?? null;
    const to = after.customFields[fieldId] ?? null;
    if (!sameValue(from, to)) events.push({ type: 'custom_field_changed', at, fieldId, from, to });
  }
  const added = after.tags.filter((tag) => !before.tags.includes(tag));
  const removed = before.tags.filter((tag) => !after.tags.includes(tag));
  if (added.length > 0 || removed.length > 0) events.push({ type: 'tags_changed', at, added, removed });
  return events;
}

function sameValue(a: CustomFieldValue, b: CustomFieldValue): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}
