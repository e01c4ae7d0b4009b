import { formatZendeskTime } from '../../clock/zendesk-time';
import type { EmulatorState } from '../../state/emulator-state';
import type { TicketRecord } from '../../state/records';
import { isCustomField } from '../../state/ticket-fields';
import { defaultValue } from '../../state/apply-ticket-patch';

/** A ticket as Zendesk's API shows it (TicketObject): every custom field is listed, unset ones as null. */
export function ticketJson(state: EmulatorState, ticket: TicketRecord): Record<string, unknown> {
  const customFields = [...state.ticketFields.values()]
    .filter(isCustomField)
    .sort((a, b) => a.position - b.position || a.id - b.id)
    .map((field) => ({ id: field.id, value: ticket.customFields.get(field.id) ?? defaultValue(field) }));
  return {
    url: `${state.baseUrl}/api/v2/tickets/${ticket.id}.json`,
    id: ticket.id,
    external_id: ticket.externalId,
    via: ticket.via,
    created_at: formatZendeskTime(ticket.createdAt),
    updated_at: formatZendeskTime(ticket.updatedAt),
    generated_timestamp: Math.floor(ticket.generatedAt / 1000),
    type: ticket.type,
    subject: ticket.subject,
    raw_subject: ticket.subject,
    description: ticket.description,
    priority: ticket.priority,
    status: ticket.status,
    recipient: null,
    requester_id: ticket.requesterId,
    submitter_id: ticket.submitterId,
    assignee_id: ticket.assigneeId,
    organization_id: ticket.organizationId,
    group_id: ticket.groupId,
    collaborator_ids: [],
    follower_ids: [],
    email_cc_ids: [],
    forum_topic_id: null,
    problem_id: null,
    has_incidents: false,
    is_public: ticket.isPublic,
    due_at: null,
    tags: [...ticket.tags],
    custom_fields: customFields,
    satisfaction_rating: null,
    sharing_agreement_ids: [],
    fields: customFields,
    followup_ids: [],
    ticket_form_id: ticket.ticketFormId,
    brand_id: ticket.brandId,
    allow_channelback: false,
    allow_attachments: true,
    from_messaging_channel: false,
  };
}
