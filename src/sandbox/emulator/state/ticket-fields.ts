import { notFound, recordInvalid, type FieldErrorDetail } from './api-error';
import { nextId, type EmulatorState } from './emulator-state';
import { isJsonObject, type JsonObject } from './input';
import {
  CUSTOM_FIELD_TYPES,
  SYSTEM_FIELD_TYPES,
  type CustomFieldOption,
  type CustomFieldType,
  type TicketFieldRecord,
} from './records';

const SYSTEM_FIELD_TITLES: Record<(typeof SYSTEM_FIELD_TYPES)[number], string> = {
  subject: 'Subject',
  description: 'Description',
  status: 'Status',
  tickettype: 'Type',
  priority: 'Priority',
  group: 'Group',
  assignee: 'Assignee',
};

/** Every Zendesk account starts with these system fields; they can be listed but not deleted. */
export function seedSystemFields(state: EmulatorState, nowMs: number): void {
  SYSTEM_FIELD_TYPES.forEach((type, position) => {
    const id = nextId(state, 'ticketField');
    state.ticketFields.set(id, {
      id,
      type,
      title: SYSTEM_FIELD_TITLES[type],
      description: '',
      active: true,
      required: type === 'subject' || type === 'description',
      position,
      tag: null,
      regexpForValidation: null,
      options: [],
      creatorAppName: null,
      createdAt: nowMs,
      updatedAt: nowMs,
    });
  });
}

export const isCustomField = (field: TicketFieldRecord): field is TicketFieldRecord & { type: CustomFieldType } =>
  (CUSTOM_FIELD_TYPES as readonly string[]).includes(field.type);

export function requireTicketField(state: EmulatorState, id: number): TicketFieldRecord {
  const field = state.ticketFields.get(id);
  if (!field) throw notFound();
  return field;
}

/** POST /ticket_fields: validates like Zendesk (type, title, options, tag reuse) and stores the field. */
export function createTicketField(
  state: EmulatorState,
  input: JsonObject,
  nowMs: number,
  creatorAppName: string | null = null,
): TicketFieldRecord {
  const type = input.type ?? 'text';
  const errors: Record<string, FieldErrorDetail[]> = {};
  if (typeof type !== 'string' || !(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) {
    errors.type = [{ description: `Type: ${String(type)} is not a supported field type`, error: 'InvalidValue' }];
  }
  if (typeof input.title !== 'string' || input.title.trim() === '') {
    errors.title = [{ description: 'Title: cannot be blank', error: 'BlankValue' }];
  }
  const options = type === 'tagger' ? readOptions(state, input.custom_field_options, errors, []) : [];
  if (type === 'regexp' && typeof input.regexp_for_validation !== 'string') {
    errors.regexp_for_validation = [{ description: 'Regexp for validation: cannot be blank', error: 'BlankValue' }];
  }
  const tag = type === 'checkbox' && typeof input.tag === 'string' && input.tag !== '' ? input.tag : null;
  checkTagsFree(state, [...options.map((o) => o.value), ...(tag ? [tag] : [])], undefined, errors);
  if (Object.keys(errors).length > 0) throw recordInvalid(errors);
  const field: TicketFieldRecord = {
    id: nextId(state, 'ticketField'),
    type: type as CustomFieldType,
    title: String(input.title),
    description: typeof input.description === 'string' ? input.description : '',
    active: input.active !== false,
    required: input.required === true,
    position: typeof input.position === 'number' ? input.position : 9999,
    tag,
    regexpForValidation: typeof input.regexp_for_validation === 'string' ? input.regexp_for_validation : null,
    options,
    creatorAppName,
    createdAt: nowMs,
    updatedAt: nowMs,
  };
  state.ticketFields.set(field.id, field);
  return field;
}

/** PUT /ticket_fields/{id}: options, when sent, replace all options (omitted ones are deleted, as in Zendesk). */
export function updateTicketField(state: EmulatorState, id: number, input: JsonObject, nowMs: number): TicketFieldRecord {
  const field = requireTicketField(state, id);
  const errors: Record<string, FieldErrorDetail[]> = {};
  if (input.type !== undefined && input.type !== field.type) {
    errors.type = [{ description: 'Type: cannot be changed', error: 'InvalidValue' }];
  }
  if (input.title !== undefined && (typeof input.title !== 'string' || input.title.trim() === '')) {
    errors.title = [{ description: 'Title: cannot be blank', error: 'BlankValue' }];
  }
  const options =
    field.type === 'tagger' && input.custom_field_options !== undefined
      ? readOptions(state, input.custom_field_options, errors, field.options)
      : field.options;
  checkTagsFree(state, options.map((o) => o.value), field.id, errors);
  if (Object.keys(errors).length > 0) throw recordInvalid(errors);
  if (typeof input.title === 'string') field.title = input.title;
  if (typeof input.description === 'string') field.description = input.description;
  if (typeof input.active === 'boolean') field.active = input.active;
  if (typeof input.required === 'boolean') field.required = input.required;
  if (typeof input.position === 'number') field.position = input.position;
  if (typeof input.regexp_for_validation === 'string') field.regexpForValidation = input.regexp_for_validation;
  field.options = options;
  field.updatedAt = nowMs;
  return field;
}

export function deleteTicketField(state: EmulatorState, id: number): void {
  const field = requireTicketField(state, id);
  if (!isCustomField(field)) {
    throw recordInvalid({ base: [{ description: 'System fields cannot be deleted', error: 'InvalidValue' }] });
  }
  state.ticketFields.delete(id);
}

function readOptions(
  state: EmulatorState,
  raw: unknown,
  errors: Record<string, FieldErrorDetail[]>,
  existing: readonly CustomFieldOption[],
): CustomFieldOption[] {
  const items = Array.isArray(raw) ? raw.filter(isJsonObject) : [];
  const options = items
    .filter((item) => typeof item.name === 'string' && typeof item.value === 'string' && item.value !== '')
    .map((item) => {
      const kept = existing.find((option) => option.id === item.id || option.value === item.value);
      return { id: kept?.id ?? nextId(state, 'fieldOption'), name: String(item.name), value: String(item.value) };
    });
  if (options.length === 0 || options.length !== items.length) {
    errors.custom_field_options = [
      { description: 'Custom field options: each option needs a name and a value, and there must be one', error: 'InvalidValue' },
    ];
  }
  if (new Set(options.map((o) => o.value)).size !== options.length) {
    errors.custom_field_options = [{ description: 'Custom field options: values must be unique', error: 'DuplicateValue' }];
  }
  return options;
}

/** Zendesk does not let two fields put the same tag on tickets. */
function checkTagsFree(
  state: EmulatorState,
  tags: readonly string[],
  ownFieldId: number | undefined,
  errors: Record<string, FieldErrorDetail[]>,
): void {
  const taken = new Set(
    [...state.ticketFields.values()]
      .filter((field) => field.id !== ownFieldId)
      .flatMap((field) => [...field.options.map((o) => o.value), ...(field.tag ? [field.tag] : [])]),
  );
  const clash = tags.find((tag) => taken.has(tag));
  if (clash) errors.tag = [{ description: `Tag: ${clash} is already used by another field`, error: 'DuplicateValue' }];
}
