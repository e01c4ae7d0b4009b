import type { EmulatorState } from '../state/emulator-state';
import type { TicketRecord, TriggerCondition, UserRecord, Via } from '../state/records';
import { isAgent } from '../state/users';
import {
  PRIORITY_ORDER,
  STATUS_ORDER,
  auditFieldName,
  customFieldId,
  normalizeConditionValue,
  ticketValue,
} from './ticket-values';

/** What a trigger sees of the update being made, besides the ticket itself. */
export interface UpdateContext {
  readonly type: 'Create' | 'Change';
  readonly actor: UserRecord;
  /** Previous values by audit field name (`status`, `360001`), for changes made so far in this update. */
  readonly previous: ReadonlyMap<string, unknown>;
  readonly comment?: { readonly public: boolean };
  /** The channel of this update: `current_via_id` conditions compare its Zendesk via id. */
  readonly via: Via['channel'];
}

/**
 * Zendesk's via ids for the channels the emulator knows: 0 web form, 4 mail, 5 web service (API); "rule" (8)
 * is our best knowledge for trigger- and automation-made updates.
 */
const VIA_IDS: Record<Via['channel'], number> = { web: 0, email: 4, api: 5, rule: 8, mobile: 56, sample_ticket: 27 };

interface ConditionInput {
  readonly state: EmulatorState;
  readonly ticket: TicketRecord;
  readonly update: UpdateContext;
}

/** Condition fields the emulator evaluates; a trigger using any other is refused at creation, as Zendesk does. */
export const CONDITION_FIELDS = [
  'update_type', 'status', 'priority', 'type', 'group_id', 'assignee_id', 'requester_id', 'organization_id',
  'brand_id', 'ticket_form_id', 'current_tags', 'ticket_is_public', 'comment_is_public', 'role', 'current_via_id',
];
export const isKnownConditionField = (field: string): boolean =>
  CONDITION_FIELDS.includes(field) || customFieldId(field) !== undefined;

/** Zendesk's rule: every `all` condition holds and, when there are `any` conditions, at least one of them holds. */
export function conditionsHold(
  input: ConditionInput,
  conditions: { readonly all: readonly TriggerCondition[]; readonly any: readonly TriggerCondition[] },
): boolean {
  const holds = (condition: TriggerCondition): boolean => conditionHolds(input, condition);
  return conditions.all.every(holds) && (conditions.any.length === 0 || conditions.any.some(holds));
}

function conditionHolds(input: ConditionInput, { field, operator, value }: TriggerCondition): boolean {
  const { ticket, update } = input;
  switch (field) {
    case 'update_type':
      return compareEquality(operator, update.type, String(value));
    case 'current_tags':
      return tagsCondition(ticket.tags, operator, value);
    case 'ticket_is_public':
      return compareEquality(operator, ticket.isPublic ? 'public' : 'private', String(value));
    case 'comment_is_public':
      return commentCondition(update, value);
    case 'current_via_id':
      return compareEquality(operator, String(VIA_IDS[update.via]), String(value));
    case 'role':
      return compareEquality(operator, isAgent(update.actor) ? 'agent' : 'end_user', String(value));
    default:
      return fieldCondition(input, field, operator, value);
  }
}

function fieldCondition(input: ConditionInput, field: string, operator: string, raw: unknown): boolean {
  const { state, ticket, update } = input;
  const current = ticketValue(state, ticket, field);
  const expected = resolveSpecialValue(normalizeConditionValue(raw), input);
  const changeKey = auditFieldName(field);
  const changed = update.previous.has(changeKey);
  const previous = normalizeConditionValue(update.previous.get(changeKey));
  switch (operator) {
    case 'is':
    case 'is_not':
      return compareEquality(operator, current, expected);
    case 'less_than':
    case 'greater_than':
      return compareOrder(field, operator, current, expected);
    case 'present':
      return current !== null && current !== '0';
    case 'not_present':
      return current === null || current === '0';
    case 'changed':
      return changed;
    case 'not_changed':
      return !changed;
    case 'value':
      return changed && current === expected;
    case 'value_previous':
      return changed && previous === expected;
    case 'not_value':
      return changed && current !== expected;
    case 'not_value_previous':
      return changed && previous !== expected;
    default:
      return false;
  }
}

/** `current_user` and `requester_id` stand for the acting user and the ticket's requester in id conditions. */
function resolveSpecialValue(value: string | null, { ticket, update }: ConditionInput): string | null {
  if (value === 'current_user') return String(update.actor.id);
  if (value === 'requester_id') return String(ticket.requesterId);
  return value;
}

function compareEquality(operator: string, current: string | null, expected: string | null): boolean {
  if (operator === 'is') return current === expected;
  if (operator === 'is_not') return current !== expected;
  return false;
}

function compareOrder(field: string, operator: string, current: string | null, expected: string | null): boolean {
  const order: readonly (string | null)[] = field === 'status' ? STATUS_ORDER : field === 'priority' ? PRIORITY_ORDER : [];
  const a = order.indexOf(current);
  const b = order.indexOf(expected);
  if (a < 0 || b < 0) return false;
  return operator === 'less_than' ? a < b : a > b;
}

/** `includes` holds when the ticket has at least one of the space-separated tags, `not_includes` when it has none. */
function tagsCondition(tags: readonly string[], operator: string, value: unknown): boolean {
  const wanted = String(value ?? '').toLowerCase().split(/\s+/).filter((tag) => tag !== '');
  const hasAny = wanted.some((tag) => tags.includes(tag));
  if (operator === 'includes') return hasAny;
  if (operator === 'not_includes') return !hasAny;
  return false;
}

function commentCondition(update: UpdateContext, value: unknown): boolean {
  if (value === 'not_relevant') return true;
  if (!update.comment) return false;
  return normalizeConditionValue(value) === '1' ? update.comment.public : !update.comment.public;
}
