import type { CustomFieldValue, TicketFieldRecord } from './records';

export type FieldValueCheck =
  | { readonly ok: true; readonly value: CustomFieldValue }
  | { readonly ok: false; readonly reason: string };

const valid = (value: CustomFieldValue): FieldValueCheck => ({ ok: true, value });
const invalid = (reason: string): FieldValueCheck => ({ ok: false, reason });

/**
 * Checks one `custom_fields` value against its field, the way Zendesk does on ticket writes, and returns the value
 * as Zendesk then shows it (numbers as strings, checkboxes as booleans). null and "" clear a field.
 */
export function checkCustomFieldValue(field: TicketFieldRecord, raw: unknown): FieldValueCheck {
  if (raw === null || raw === '') return valid(field.type === 'checkbox' ? false : null);
  switch (field.type) {
    case 'text':
    case 'textarea':
      return typeof raw === 'string' || typeof raw === 'number' ? valid(String(raw)) : invalid('is invalid');
    case 'regexp':
      return checkRegexp(field, raw);
    case 'tagger':
      return typeof raw === 'string' && field.options.some((option) => option.value === raw)
        ? valid(raw)
        : invalid('is not a valid option');
    case 'date':
      return checkDate(raw);
    case 'integer':
      return (typeof raw === 'number' && Number.isInteger(raw)) || (typeof raw === 'string' && /^-?\d+$/.test(raw))
        ? valid(String(raw))
        : invalid('is not a number');
    case 'decimal':
      return (typeof raw === 'number' && Number.isFinite(raw)) || (typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw))
        ? valid(String(raw))
        : invalid('is not a number');
    case 'checkbox':
      return typeof raw === 'boolean' ? valid(raw) : invalid('is invalid');
    default:
      // System fields are written through the ticket's own properties (status, priority...), not custom_fields.
      return invalid('is not a custom field');
  }
}

function checkRegexp(field: TicketFieldRecord, raw: unknown): FieldValueCheck {
  if (typeof raw !== 'string') return invalid('is invalid');
  if (field.regexpForValidation === null) return valid(raw);
  // Zendesk's patterns are Ruby regular expressions; \A and \z anchors are translated to their JS equivalents.
  const pattern = field.regexpForValidation.replace(/\\A/g, '^').replace(/\\z/gi, '$');
  return new RegExp(pattern).test(raw) ? valid(raw) : invalid('is invalid');
}

/** Date fields hold a calendar date only: "2026-11-22". */
function checkDate(raw: unknown): FieldValueCheck {
  if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return invalid('is not a valid date');
  const [year, month, day] = raw.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const sameDate = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return sameDate ? valid(raw) : invalid('is not a valid date');
}

/** The tag a field's value puts on a ticket: a dropdown's option value, a checked checkbox's tag. */
export function tagForFieldValue(field: TicketFieldRecord, value: CustomFieldValue): string | null {
  if (field.type === 'tagger' && typeof value === 'string') return value;
  if (field.type === 'checkbox' && value === true) return field.tag;
  return null;
}
