/**
 * Zendesk's SLA filter (SLAPolicyFilterObject): a policy applies when every `all` condition holds and, if `any`
 * is not empty, at least one `any` condition holds.
 */
export type ConditionField =
  | 'priority'
  | 'status'
  | 'type'
  | 'group_id'
  | 'assignee_id'
  | 'brand_id'
  | 'organization_id'
  | 'requester_email'
  | 'requester_domain'
  | 'tags'
  | 'via'
  | 'ticket_form_id'
  /** A custom field by id, Zendesk's own spelling: `custom_fields_360001`. */
  | `custom_fields_${string}`;

/**
 * - `is` / `is_not`: equality with one value (`null` means "no value").
 * - `in` / `not_in`: membership in a list of values.
 * - `includes` / `includes_all` / `not_includes`: for tags and multiselect fields: the ticket has any / all / none of
 *   the listed tags.
 * - `contains` / `not_contains`: case-insensitive substring, for text.
 * - `less_than` / `greater_than`: ordered comparison; priority is ordered low < normal < high < urgent, numbers
 *   numerically, dates (YYYY-MM-DD) by date.
 */
export type ConditionOperator =
  | 'is'
  | 'is_not'
  | 'in'
  | 'not_in'
  | 'includes'
  | 'includes_all'
  | 'not_includes'
  | 'contains'
  | 'not_contains'
  | 'less_than'
  | 'greater_than';

export type ConditionValue = string | number | boolean | null | readonly string[];

export interface Condition {
  readonly field: ConditionField;
  readonly operator: ConditionOperator;
  readonly value: ConditionValue;
}

export interface TicketFilter {
  readonly all: readonly Condition[];
  readonly any: readonly Condition[];
}
