import { PRIORITIES, TICKET_STATUSES, type Condition, type ConditionValue, type PolicySelection } from '../../../core';
import type { Translate } from '../../i18n/translate';

/** The applied policy and why, in words: the reason it won and the conditions that held. */
export interface PolicyExplanation {
  /** Null when no policy applies. */
  readonly title: string | null;
  readonly reason: string;
  readonly conditions: readonly string[];
}

/**
 * Names Zendesk gave the ids a condition can hold (`group_id:360001` → "Billing"), so that the agent reads
 * "Group is Billing" rather than an id. Ids without a known name are shown as they are.
 */
export type EntityNames = ReadonlyMap<string, string>;

export function explainPolicy(selection: PolicySelection, t: Translate, names: EntityNames = new Map()): PolicyExplanation {
  if (selection.kind === 'none') return { title: null, reason: t('sidebar.why.none_applies'), conditions: [] };
  const considered = selection.considered.find((policy) => policy.policyId === selection.policy.id);
  const conditions = (considered?.conditions ?? []).filter((outcome) => outcome.held).map((outcome) => describeCondition(outcome.condition, t, names));
  return { title: selection.policy.title, reason: reasonText(selection, t), conditions };
}

function reasonText(selection: Extract<PolicySelection, { kind: 'selected' }>, t: Translate): string {
  // A policy with no conditions is the catch-all, whatever else the list holds.
  if (selection.specificity === 0) return t('sidebar.why.catch_all');
  if (selection.reason === 'only_match') return t('sidebar.why.only_match');
  if (selection.reason === 'most_specific') return t('sidebar.why.most_specific', { count: selection.specificity });
  return t('sidebar.why.tie_broken_by_position', { count: selection.specificity });
}

const KNOWN_FIELDS = ['priority', 'status', 'type', 'group_id', 'assignee_id', 'brand_id', 'organization_id', 'requester_email', 'requester_domain', 'tags', 'via', 'ticket_form_id'];

/** "Priority is Urgent", "Tags include any of vip, gold". */
export function describeCondition(condition: Condition, t: Translate, names: EntityNames = new Map()): string {
  const custom = /^custom_fields_(.+)$/.exec(condition.field);
  const field = custom
    ? t('sidebar.field.custom_field', { id: custom[1] as string })
    : KNOWN_FIELDS.includes(condition.field)
      ? t(`sidebar.field.${condition.field}`)
      : condition.field;
  return t('sidebar.why.condition', { field, operator: t(`sidebar.operator.${condition.operator}`), value: describeValue(condition.field, condition.value, t, names) });
}

function describeValue(field: string, value: ConditionValue, t: Translate, names: EntityNames): string {
  if (value === null) return t('sidebar.value_none');
  if (Array.isArray(value)) return value.map((v) => describeValue(field, v, t, names)).join(', ');
  return names.get(`${field}:${String(value)}`) ?? fieldValueText(field, String(value), t);
}

/** Priorities and statuses are shown as Zendesk names them in the agent's language; other values as they are. */
export function fieldValueText(field: string, value: string | null, t: Translate): string {
  if (value === null) return t('sidebar.value_none');
  if (field === 'priority' && (PRIORITIES as readonly string[]).includes(value)) return t(`sidebar.priority.${value}`);
  if (field === 'status' && (TICKET_STATUSES as readonly string[]).includes(value)) return t(`sidebar.ticket_status.${value}`);
  return value;
}
