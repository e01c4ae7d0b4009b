import { checkCustomFieldValue } from '../state/custom-field-values';
import type { EmulatorState } from '../state/emulator-state';
import { normalizeTags, toId } from '../state/input';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type TriggerAction, type UserRecord } from '../state/records';
import type { TicketPatch } from '../state/ticket-patch';
import { isCustomField } from '../state/ticket-fields';
import { isAgent } from '../state/users';
import { customFieldId } from './ticket-values';

/** A message a trigger asked for; recipients and text are resolved after the trigger loop, on the final ticket. */
export type PendingMessage =
  | { readonly kind: 'user'; readonly recipient: string; readonly subject: string; readonly body: string }
  | { readonly kind: 'group'; readonly recipient: string; readonly subject: string; readonly body: string }
  | { readonly kind: 'webhook'; readonly webhookId: string; readonly body: string };

/** Action fields the emulator performs; a trigger using any other is refused at creation, as Zendesk does. */
export const ACTION_FIELDS = [
  'status', 'priority', 'type', 'group_id', 'assignee_id', 'set_tags', 'current_tags', 'remove_tags',
  'notification_user', 'notification_group', 'notification_webhook',
];
export const isKnownActionField = (field: string): boolean =>
  ACTION_FIELDS.includes(field) || customFieldId(field) !== undefined;

/**
 * Splits a trigger's actions into the ticket changes they make (one patch) and the messages they send.
 * Values a real account would have refused at trigger creation (an unknown status, a missing agent) are skipped.
 */
export function readTriggerActions(
  state: EmulatorState,
  actions: readonly TriggerAction[],
  actor: UserRecord,
): { patch: TicketPatch; messages: PendingMessage[] } {
  const patch: TicketPatch = {};
  const messages: PendingMessage[] = [];
  for (const { field, value } of actions) {
    const text = value === null || value === undefined ? '' : String(value);
    if (field === 'status' && (TICKET_STATUSES as readonly string[]).includes(text)) patch.status = text as TicketPatch['status'];
    if (field === 'priority' && (TICKET_PRIORITIES as readonly string[]).includes(text)) patch.priority = text as TicketPatch['priority'];
    if (field === 'type' && (TICKET_TYPES as readonly string[]).includes(text)) patch.type = text as TicketPatch['type'];
    if (field === 'group_id') patch.groupId = text === '' ? null : (toId(text) ?? patch.groupId);
    if (field === 'assignee_id') patch.assigneeId = assigneeFor(state, text, actor) ?? patch.assigneeId;
    if (field === 'set_tags') patch.tags = normalizeTags(text);
    if (field === 'current_tags') patch.additionalTags = [...(patch.additionalTags ?? []), ...normalizeTags(text)];
    if (field === 'remove_tags') patch.removeTags = [...(patch.removeTags ?? []), ...normalizeTags(text)];
    const fieldId = customFieldId(field);
    if (fieldId !== undefined) setCustomField(state, patch, fieldId, value);
    const message = readMessage(field, value);
    if (message) messages.push(message);
  }
  return { patch, messages };
}

function assigneeFor(state: EmulatorState, value: string, actor: UserRecord): number | null | undefined {
  if (value === '') return null;
  if (value === 'current_user') return isAgent(actor) ? actor.id : undefined;
  const id = toId(value);
  return id !== undefined && isAgent(state.users.get(id)) ? id : undefined;
}

function setCustomField(state: EmulatorState, patch: TicketPatch, fieldId: number, value: unknown): void {
  const field = state.ticketFields.get(fieldId);
  if (!field || !isCustomField(field)) return;
  const check = checkCustomFieldValue(field, value);
  if (!check.ok) return;
  patch.customFields ??= new Map();
  patch.customFields.set(fieldId, check.value);
}

function readMessage(field: string, value: unknown): PendingMessage | undefined {
  if (!Array.isArray(value)) return undefined;
  const [target, first, second] = value.map((part) => (part === null || part === undefined ? '' : String(part)));
  if (target === undefined) return undefined;
  if (field === 'notification_user') return { kind: 'user', recipient: target, subject: first ?? '', body: second ?? '' };
  if (field === 'notification_group') return { kind: 'group', recipient: target, subject: first ?? '', body: second ?? '' };
  if (field === 'notification_webhook') return { kind: 'webhook', webhookId: target, body: first ?? '' };
  return undefined;
}
