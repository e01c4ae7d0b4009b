import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import { caseInsensitive, fieldValue, rankOf, type FieldValue } from './condition-fields';
import type { Condition, ConditionField, ConditionValue } from './ticket-filter';

/** A scalar as text for comparison: numbers and booleans as Zendesk sends them in strings ("745", "true"). */
export function normalise(value: unknown, field: ConditionField): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = typeof value === 'string' ? value.trim() : String(value);
  if (field === 'requester_domain') return text.replace(/^@/, '').toLowerCase();
  return caseInsensitive(field) ? text.toLowerCase() : text;
}

/** A list operand: an array, or Zendesk's space-separated tag string ("vip gold"). */
function listOf(value: ConditionValue): readonly string[] {
  if (Array.isArray(value)) return value as readonly string[];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return value === null ? [] : [String(value)];
}

function equals(actual: FieldValue, expected: ConditionValue, field: ConditionField): boolean {
  if (Array.isArray(actual)) return false;
  return normalise(actual, field) === normalise(expected, field);
}

function compare(actual: FieldValue, expected: ConditionValue, field: ConditionField): number | null {
  if (actual === null || actual === undefined || Array.isArray(actual) || expected === null || Array.isArray(expected)) return null;
  const a = String(actual);
  const b = String(expected);
  const [rankA, rankB] = [rankOf(field, a), rankOf(field, b)];
  if (rankA !== undefined && rankB !== undefined) return rankA - rankB;
  const [numberA, numberB] = [Number(a), Number(b)];
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(numberA) && Number.isFinite(numberB)) return numberA - numberB;
  // Dates (YYYY-MM-DD) and other text order as strings.
  return a < b ? -1 : a > b ? 1 : 0;
}

function tagsOf(actual: FieldValue): readonly string[] {
  if (Array.isArray(actual)) return actual as readonly string[];
  return typeof actual === 'string' && actual !== '' ? actual.split(/\s+/) : [];
}

/**
 * Whether one condition holds for the ticket. A ticket without a value: `is null` holds, `is_not X` holds,
 * `contains` and ordered comparisons do not.
 */
export function evaluateCondition(condition: Condition, ticket: TicketSnapshot): boolean {
  const { field, operator, value } = condition;
  const actual = fieldValue(ticket, field);
  switch (operator) {
    case 'is':
      return equals(actual, value, field);
    case 'is_not':
      return !equals(actual, value, field);
    case 'in':
      return listOf(value).some((v) => equals(actual, v, field));
    case 'not_in':
      return !listOf(value).some((v) => equals(actual, v, field));
    case 'includes':
      return listOf(value).some((tag) => tagsOf(actual).includes(tag));
    case 'includes_all':
      return listOf(value).every((tag) => tagsOf(actual).includes(tag));
    case 'not_includes':
      return !listOf(value).some((tag) => tagsOf(actual).includes(tag));
    case 'contains':
    case 'not_contains': {
      const text = normalise(actual, field)?.toLowerCase();
      const found = text !== undefined && text.includes(String(value ?? '').toLowerCase());
      return operator === 'contains' ? found : !found;
    }
    case 'less_than': {
      const order = compare(actual, value, field);
      return order !== null && order < 0;
    }
    case 'greater_than': {
      const order = compare(actual, value, field);
      return order !== null && order > 0;
    }
  }
}
