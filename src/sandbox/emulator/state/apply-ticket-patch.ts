import { tagForFieldValue } from './custom-field-values';
import type { EmulatorState } from './emulator-state';
import type { CustomFieldValue, TicketFieldRecord, TicketRecord } from './records';
import { isCustomField } from './ticket-fields';
import type { TicketPatch } from './ticket-patch';

/** One property that a write changed, named as Zendesk's audit events name it (`status`, `tags`, `360001`). */
export interface FieldChange {
  readonly field: string;
  readonly value: unknown;
  readonly previous: unknown;
}

type ScalarKey = Exclude<keyof TicketPatch, 'tags' | 'additionalTags' | 'removeTags' | 'customFields' | 'comment'>;

const SCALARS: readonly { readonly key: ScalarKey; readonly field: string; readonly prop: keyof TicketRecord }[] = [
  { key: 'subject', field: 'subject', prop: 'subject' },
  { key: 'status', field: 'status', prop: 'status' },
  { key: 'priority', field: 'priority', prop: 'priority' },
  { key: 'type', field: 'type', prop: 'type' },
  { key: 'requesterId', field: 'requester_id', prop: 'requesterId' },
  { key: 'assigneeId', field: 'assignee_id', prop: 'assigneeId' },
  { key: 'groupId', field: 'group_id', prop: 'groupId' },
  { key: 'organizationId', field: 'organization_id', prop: 'organizationId' },
  { key: 'brandId', field: 'brand_id', prop: 'brandId' },
  { key: 'ticketFormId', field: 'ticket_form_id', prop: 'ticketFormId' },
  { key: 'externalId', field: 'external_id', prop: 'externalId' },
];

/**
 * Applies a validated patch to a ticket in place and returns what actually changed (no-ops are not changes).
 * Dropdown and checkbox fields and tags stay in step, as in Zendesk: a dropdown's value is also a tag on the ticket,
 * and removing that tag clears the field.
 */
export function applyTicketPatch(state: EmulatorState, ticket: TicketRecord, patch: TicketPatch): FieldChange[] {
  const changes: FieldChange[] = [];
  const record = ticket as unknown as Record<string, unknown>;
  for (const { key, field, prop } of SCALARS) {
    const value = patch[key];
    if (value === undefined || record[prop] === value) continue;
    changes.push({ field, value: auditValue(value), previous: auditValue(record[prop]) });
    record[prop] = value;
  }
  const tagsBefore = [...ticket.tags];
  const fieldsBefore = new Map(ticket.customFields);
  applyTagOperations(ticket, patch);
  const fields = [...state.ticketFields.values()].filter(isCustomField);
  syncFieldsFromTags(ticket, fields, tagsBefore, patch.customFields);
  for (const [id, value] of patch.customFields ?? []) setFieldValue(ticket, state.ticketFields.get(id), value);
  for (const field of fields) {
    const before = fieldsBefore.get(field.id) ?? defaultValue(field);
    const after = ticket.customFields.get(field.id) ?? defaultValue(field);
    if (before !== after) changes.push({ field: String(field.id), value: auditValue(after), previous: auditValue(before) });
  }
  if (!sameTags(tagsBefore, ticket.tags)) changes.push({ field: 'tags', value: [...ticket.tags], previous: tagsBefore });
  return changes;
}

function applyTagOperations(ticket: TicketRecord, patch: TicketPatch): void {
  let tags = patch.tags ? [...patch.tags] : [...ticket.tags];
  for (const tag of patch.additionalTags ?? []) if (!tags.includes(tag)) tags.push(tag);
  const removed = new Set(patch.removeTags ?? []);
  tags = tags.filter((tag) => !removed.has(tag));
  ticket.tags = tags;
}

/** A tag edit moves the fields whose tags it touched, unless the same write sets those fields explicitly. */
function syncFieldsFromTags(
  ticket: TicketRecord,
  fields: readonly TicketFieldRecord[],
  tagsBefore: readonly string[],
  explicit: ReadonlyMap<number, CustomFieldValue> | undefined,
): void {
  const added = ticket.tags.filter((tag) => !tagsBefore.includes(tag));
  for (const field of fields) {
    if (explicit?.has(field.id)) continue;
    const current = ticket.customFields.get(field.id) ?? defaultValue(field);
    const currentTag = tagForFieldValue(field, current);
    if (currentTag !== null && !ticket.tags.includes(currentTag)) {
      ticket.customFields.set(field.id, defaultValue(field));
    }
    const option = field.type === 'tagger' ? field.options.find((o) => added.includes(o.value)) : undefined;
    if (option) ticket.customFields.set(field.id, option.value);
    if (field.type === 'checkbox' && field.tag !== null && added.includes(field.tag)) ticket.customFields.set(field.id, true);
  }
}

function setFieldValue(ticket: TicketRecord, field: TicketFieldRecord | undefined, value: CustomFieldValue): void {
  if (!field) return;
  const previousTag = tagForFieldValue(field, ticket.customFields.get(field.id) ?? defaultValue(field));
  if (previousTag !== null) ticket.tags = ticket.tags.filter((tag) => tag !== previousTag);
  ticket.customFields.set(field.id, value);
  const tag = tagForFieldValue(field, value);
  if (tag !== null && !ticket.tags.includes(tag)) ticket.tags.push(tag);
}

export const defaultValue = (field: TicketFieldRecord): CustomFieldValue => (field.type === 'checkbox' ? false : null);

/** Audit events carry ids and values as strings (checkboxes as "1"/"0"); null stays null. */
function auditValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

const sameTags = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((tag) => b.includes(tag));
