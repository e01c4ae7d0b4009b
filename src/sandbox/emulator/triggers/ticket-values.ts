import type { EmulatorState } from '../state/emulator-state';
import type { TicketRecord } from '../state/records';

/**
 * A ticket property as trigger conditions compare it: a string, or null for "-" (none). Ids are strings and
 * checkboxes "1"/"0", the same way audit events write them, so a condition can be checked against both.
 */
export function ticketValue(state: EmulatorState, ticket: TicketRecord, field: string): string | null {
  const fieldId = customFieldId(field);
  if (fieldId !== undefined) {
    const value = ticket.customFields.get(fieldId) ?? (state.ticketFields.get(fieldId)?.type === 'checkbox' ? false : null);
    return normalizeConditionValue(value);
  }
  const byField: Record<string, unknown> = {
    status: ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    group_id: ticket.groupId,
    assignee_id: ticket.assigneeId,
    requester_id: ticket.requesterId,
    organization_id: ticket.organizationId,
    brand_id: ticket.brandId,
    ticket_form_id: ticket.ticketFormId,
  };
  return normalizeConditionValue(byField[field]);
}

/** `custom_fields_360001` → 360001. */
export function customFieldId(field: string): number | undefined {
  const match = /^custom_fields_(\d+)$/.exec(field);
  return match ? Number(match[1]) : undefined;
}

/** The audit event `field_name` a condition or action field corresponds to. */
export const auditFieldName = (field: string): string => String(customFieldId(field) ?? field);

export function normalizeConditionValue(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (value === true || value === 'true') return '1';
  if (value === false || value === 'false') return '0';
  return String(value);
}

export const STATUS_ORDER = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
/** Zendesk orders "-" (no priority) below low. */
export const PRIORITY_ORDER = [null, 'low', 'normal', 'high', 'urgent'];
