import { PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type CustomFieldValue, type TicketSnapshot } from '../ticket/ticket-snapshot';
import type { ConditionField, ConditionOperator } from './ticket-filter';

/** What a condition compares against: one value, or a list (tags, multiselect). */
export type FieldValue = CustomFieldValue | undefined;

const EQUALITY: readonly ConditionOperator[] = ['is', 'is_not', 'in', 'not_in'];
const ORDERED: readonly ConditionOperator[] = [...EQUALITY, 'less_than', 'greater_than'];
const TEXT: readonly ConditionOperator[] = [...EQUALITY, 'contains', 'not_contains'];
const TAGS: readonly ConditionOperator[] = ['includes', 'includes_all', 'not_includes'];
const ANY: readonly ConditionOperator[] = [...ORDERED, 'contains', 'not_contains', ...TAGS];

/**
 * Which operators make sense for which field, as Zendesk's condition builder offers them. Custom fields accept every
 * operator because the engine does not know their type; the admin page narrows the choice from the field's type.
 */
export function operatorsFor(field: ConditionField): readonly ConditionOperator[] {
  if (field.startsWith('custom_fields_')) return ANY;
  switch (field) {
    case 'priority':
    case 'status':
      return ORDERED;
    case 'requester_email':
      return TEXT;
    case 'tags':
      return TAGS;
    default:
      return EQUALITY;
  }
}

/** The closed set of values a field can take, when there is one (validation rejects others). */
export function allowedValues(field: ConditionField): readonly string[] | null {
  if (field === 'priority') return PRIORITIES;
  if (field === 'status') return TICKET_STATUSES;
  if (field === 'type') return TICKET_TYPES;
  return null;
}

/** Position in the field's order, for less_than / greater_than; undefined where the field has no order. */
export function rankOf(field: ConditionField, value: string): number | undefined {
  const order = field === 'priority' ? PRIORITIES : field === 'status' ? TICKET_STATUSES : null;
  if (!order) return undefined;
  const index = (order as readonly string[]).indexOf(value);
  return index === -1 ? undefined : index;
}

/** Fields whose values compare case-insensitively (addresses and domains are not case-sensitive). */
export const caseInsensitive = (field: ConditionField): boolean => field === 'requester_email' || field === 'requester_domain';

/** The ticket's value for a condition's field. */
export function fieldValue(ticket: TicketSnapshot, field: ConditionField): FieldValue {
  switch (field) {
    case 'priority':
      return ticket.priority;
    case 'status':
      return ticket.status;
    case 'type':
      return ticket.type;
    case 'group_id':
      return ticket.groupId;
    case 'assignee_id':
      return ticket.assigneeId;
    case 'brand_id':
      return ticket.brandId;
    case 'organization_id':
      return ticket.organizationId;
    case 'ticket_form_id':
      return ticket.ticketFormId;
    case 'via':
      return ticket.via;
    case 'requester_email':
      return ticket.requesterEmail;
    case 'requester_domain':
      return ticket.requesterEmail?.split('@')[1] ?? null;
    case 'tags':
      return ticket.tags;
    default:
      return ticket.customFields[field.slice('custom_fields_'.length)];
  }
}
