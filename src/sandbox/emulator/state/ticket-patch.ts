import { recordInvalid, type FieldErrorDetail } from './api-error';
import { checkCustomFieldValue } from './custom-field-values';
import type { EmulatorState } from './emulator-state';
import { isJsonObject, normalizeTags, toId, type JsonObject } from './input';
import {
  TICKET_PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type CustomFieldValue,
  type TicketPriority,
  type TicketStatus,
  type TicketType,
} from './records';
import { isCustomField } from './ticket-fields';
import { isAgent } from './users';

/** What one write asks to change on a ticket, already validated. Absent = leave as is; null = clear. */
export interface TicketPatch {
  subject?: string;
  status?: TicketStatus;
  priority?: TicketPriority | null;
  type?: TicketType | null;
  assigneeId?: number | null;
  groupId?: number | null;
  requesterId?: number;
  organizationId?: number | null;
  brandId?: number | null;
  ticketFormId?: number | null;
  externalId?: string | null;
  /** Replaces the tag list ("set tags"). */
  tags?: string[];
  additionalTags?: string[];
  removeTags?: string[];
  customFields?: Map<number, CustomFieldValue>;
  comment?: { readonly body: string; readonly public: boolean; readonly authorId: number };
}

type Errors = Record<string, FieldErrorDetail[]>;
const addError = (errors: Errors, key: string, description: string, error = 'InvalidValue'): void => {
  (errors[key] ??= []).push({ description, error });
};

/**
 * Reads a `ticket` object of a create or update request into a TicketPatch, rejecting what Zendesk rejects with
 * 422 RecordInvalid. Unknown custom field ids are ignored, as Zendesk ignores them.
 */
export function readTicketPatch(state: EmulatorState, input: JsonObject, actorId: number): TicketPatch {
  const errors: Errors = {};
  const patch: TicketPatch = {};
  if (input.subject !== undefined) patch.subject = String(input.subject ?? '');
  readEnum(input, 'status', TICKET_STATUSES, errors, (v) => v !== null && (patch.status = v), false);
  readEnum(input, 'priority', TICKET_PRIORITIES, errors, (v) => (patch.priority = v), true);
  readEnum(input, 'type', TICKET_TYPES, errors, (v) => (patch.type = v), true);
  readReference(input, 'assignee_id', errors, (id) => id === null || isAgent(state.users.get(id)), (v) => (patch.assigneeId = v));
  readReference(input, 'group_id', errors, (id) => id === null || state.groups.has(id), (v) => (patch.groupId = v));
  readReference(input, 'organization_id', errors, (id) => id === null || state.organizations.has(id), (v) => (patch.organizationId = v));
  if (input.requester_id !== undefined) {
    const id = toId(input.requester_id);
    if (id !== undefined && state.users.has(id)) patch.requesterId = id;
    else addError(errors, 'requester', 'Requester: is invalid');
  }
  if (input.brand_id !== undefined) patch.brandId = toId(input.brand_id) ?? null;
  if (input.ticket_form_id !== undefined) patch.ticketFormId = toId(input.ticket_form_id) ?? null;
  if (input.external_id !== undefined) patch.externalId = input.external_id === null ? null : String(input.external_id);
  if (input.tags !== undefined) patch.tags = normalizeTags(input.tags);
  if (input.additional_tags !== undefined) patch.additionalTags = normalizeTags(input.additional_tags);
  if (input.remove_tags !== undefined) patch.removeTags = normalizeTags(input.remove_tags);
  // `fields` is a write alias of `custom_fields` that Zendesk's own apps use.
  const customFields = input.custom_fields ?? input.fields;
  if (customFields !== undefined) patch.customFields = readCustomFields(state, customFields, errors);
  if (input.comment !== undefined) patch.comment = readComment(state, input.comment, actorId, errors);
  if (Object.keys(errors).length > 0) throw recordInvalid(errors);
  return patch;
}

function readEnum<T extends string>(
  input: JsonObject,
  key: string,
  allowed: readonly T[],
  errors: Errors,
  set: (value: T | null) => unknown,
  nullable: boolean,
): void {
  const raw = input[key];
  if (raw === undefined) return;
  if ((raw === null || raw === '') && nullable) {
    set(null);
    return;
  }
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw.toLowerCase())) {
    set(raw.toLowerCase() as T);
    return;
  }
  addError(errors, key, `${capitalize(key)}: ${String(raw)} is not valid`);
}

function readReference(
  input: JsonObject,
  key: string,
  errors: Errors,
  exists: (id: number | null) => boolean,
  set: (value: number | null) => void,
): void {
  const raw = input[key];
  if (raw === undefined) return;
  const id = raw === null || raw === '' ? null : toId(raw);
  if (id !== undefined && exists(id)) set(id);
  else addError(errors, key.replace(/_id$/, ''), `${capitalize(key.replace(/_id$/, ''))}: is invalid`);
}

function readCustomFields(state: EmulatorState, raw: unknown, errors: Errors): Map<number, CustomFieldValue> {
  const values = new Map<number, CustomFieldValue>();
  const entries = Array.isArray(raw)
    ? raw.filter(isJsonObject).map((item) => [item.id, item.value] as const)
    : isJsonObject(raw)
      ? Object.entries(raw)
      : [];
  for (const [rawId, rawValue] of entries) {
    const id = toId(rawId);
    const field = id === undefined ? undefined : state.ticketFields.get(id);
    if (!field || !isCustomField(field)) continue;
    const check = checkCustomFieldValue(field, rawValue);
    if (check.ok) values.set(field.id, check.value);
    else (errors.base ??= []).push({ description: `${field.title}: ${check.reason}`, error: 'InvalidValue', field_key: field.id });
  }
  return values;
}

function readComment(
  state: EmulatorState,
  raw: unknown,
  actorId: number,
  errors: Errors,
): TicketPatch['comment'] {
  const comment = isJsonObject(raw) ? raw : { body: raw };
  const body = typeof comment.body === 'string' ? comment.body : typeof comment.html_body === 'string' ? comment.html_body : '';
  if (body.trim() === '') {
    addError(errors, 'comment', 'Comment: cannot be blank', 'BlankValue');
    return undefined;
  }
  const authorId = comment.author_id === undefined ? actorId : toId(comment.author_id);
  if (authorId === undefined || !state.users.has(authorId)) {
    addError(errors, 'comment', 'Comment: author is invalid');
    return undefined;
  }
  return { body, public: comment.public !== false, authorId };
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
