import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import { rankOf, type FieldValue } from './condition-fields';
import { normalise } from './evaluate-condition';
import type { Condition, ConditionField, ConditionValue } from './ticket-filter';

/** Whether a condition holds for a ticket: `evaluateCondition` with the condition's side worked out in advance. */
export type ConditionMatcher = (ticket: TicketSnapshot) => boolean;

// Conditions are immutable data, often shared by every assessment (a server's or a sidebar's policy list).
const matchers = new WeakMap<Condition, ConditionMatcher>();

/**
 * The matcher for a condition, made once per condition object. Choosing a policy evaluates every condition of
 * every policy for each distinct ticket state; `evaluateCondition` normalises and splits the condition's value
 * each time, which made that choice the whole cost of an assessment with a fresh policy list. The answers are
 * `evaluateCondition`'s (spec/core/policy/condition-matcher.spec.ts compares the two on generated conditions).
 */
export function matcherFor(condition: Condition): ConditionMatcher {
  let matcher = matchers.get(condition);
  if (matcher === undefined) {
    matcher = compile(condition);
    matchers.set(condition, matcher);
  }
  return matcher;
}

function compile({ field, operator, value }: Condition): ConditionMatcher {
  const read = readerOf(field);
  switch (operator) {
    case 'is':
    case 'is_not': {
      const expected = normalise(value, field);
      const holds = operator === 'is';
      return (ticket) => {
        const actual = read(ticket);
        return (!Array.isArray(actual) && normalise(actual, field) === expected) === holds;
      };
    }
    case 'in':
    case 'not_in': {
      const expected = listOf(value).map((v) => normalise(v, field));
      const holds = operator === 'in';
      return (ticket) => {
        const actual = read(ticket);
        return (!Array.isArray(actual) && expected.includes(normalise(actual, field))) === holds;
      };
    }
    case 'includes':
    case 'not_includes': {
      const wanted = listOf(value);
      const holds = operator === 'includes';
      return (ticket) => {
        const tags = tagsOf(read(ticket));
        return wanted.some((tag) => tags.includes(tag)) === holds;
      };
    }
    case 'includes_all': {
      const wanted = listOf(value);
      return (ticket) => {
        const tags = tagsOf(read(ticket));
        return wanted.every((tag) => tags.includes(tag));
      };
    }
    case 'contains':
    case 'not_contains': {
      const needle = String(value ?? '').toLowerCase();
      const holds = operator === 'contains';
      return (ticket) => {
        const text = normalise(read(ticket), field)?.toLowerCase();
        return (text !== undefined && text.includes(needle)) === holds;
      };
    }
    case 'less_than':
    case 'greater_than': {
      const order = orderAgainst(value, field);
      const sign = operator === 'less_than' ? -1 : 1;
      return (ticket) => {
        const difference = order(read(ticket));
        return difference !== null && Math.sign(difference) === sign;
      };
    }
    default:
      // An operator this version does not know never holds (evaluateCondition returns nothing for it).
      return () => false;
  }
}

/**
 * How a ticket's value orders against the condition's (`compare` in evaluate-condition.ts): by rank for priority and
 * status, numerically when both are numbers, else as text; null when either side has no single value.
 */
function orderAgainst(expected: ConditionValue, field: ConditionField): (actual: FieldValue) => number | null {
  if (expected === null || Array.isArray(expected)) return () => null;
  const b = String(expected);
  const rankB = rankOf(field, b);
  const numberB = b.trim() !== '' && Number.isFinite(Number(b)) ? Number(b) : null;
  return (actual) => {
    if (actual === null || actual === undefined || Array.isArray(actual)) return null;
    const a = String(actual);
    if (rankB !== undefined) {
      const rankA = rankOf(field, a);
      if (rankA !== undefined) return rankA - rankB;
    }
    if (numberB !== null && a.trim() !== '') {
      const numberA = Number(a);
      if (Number.isFinite(numberA)) return numberA - numberB;
    }
    return a < b ? -1 : a > b ? 1 : 0;
  };
}

/** A list operand: an array, or Zendesk's space-separated tag string ("vip gold"), as evaluateCondition reads it. */
function listOf(value: ConditionValue): readonly string[] {
  if (Array.isArray(value)) return value as readonly string[];
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return value === null ? [] : [String(value)];
}

function tagsOf(actual: FieldValue): readonly string[] {
  if (Array.isArray(actual)) return actual as readonly string[];
  return typeof actual === 'string' && actual !== '' ? actual.split(/\s+/) : [];
}

/** The ticket's value for a field (`fieldValue`), with the field's switch decided once. */
function readerOf(field: ConditionField): (ticket: TicketSnapshot) => FieldValue {
  switch (field) {
    case 'priority':
      return (t) => t.priority;
    case 'status':
      return (t) => t.status;
    case 'type':
      return (t) => t.type;
    case 'group_id':
      return (t) => t.groupId;
    case 'assignee_id':
      return (t) => t.assigneeId;
    case 'brand_id':
      return (t) => t.brandId;
    case 'organization_id':
      return (t) => t.organizationId;
    case 'ticket_form_id':
      return (t) => t.ticketFormId;
    case 'via':
      return (t) => t.via;
    case 'requester_email':
      return (t) => t.requesterEmail;
    case 'requester_domain':
      return (t) => t.requesterEmail?.split('@')[1] ?? null;
    case 'tags':
      return (t) => t.tags;
    default: {
      const id = field.slice('custom_fields_'.length);
      return (t) => t.customFields[id];
    }
  }
}
