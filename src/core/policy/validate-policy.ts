import { z } from 'zod';
import { fail, ok, ValidationError, type FieldError, type Result } from '../result';
import { PRIORITIES } from '../ticket/ticket-snapshot';
import { allowedValues, operatorsFor } from './condition-fields';
import { METRIC_NAMES } from './metric-name';
import type { SlaPolicy } from './sla-policy';
import type { ConditionField, ConditionOperator } from './ticket-filter';

const OPERATORS = ['is', 'is_not', 'in', 'not_in', 'includes', 'includes_all', 'not_includes', 'contains', 'not_contains', 'less_than', 'greater_than'] as const satisfies readonly ConditionOperator[];
const FIELD = /^(priority|status|type|group_id|assignee_id|brand_id|organization_id|requester_email|requester_domain|tags|via|ticket_form_id|custom_fields_\d+)$/;
const LIST_OPERATORS: readonly ConditionOperator[] = ['in', 'not_in', 'includes', 'includes_all', 'not_includes'];
/** A year of minutes: a longer promise is a typo, not an SLA. */
const MAX_TARGET_MINUTES = 525_600;

type Issue = { code: string; message: string; path: PropertyKey[] };
const issue = (ctx: z.RefinementCtx, { code, message, path }: Issue) => ctx.addIssue({ code: 'custom', message, path, params: { code } });

export const conditionSchema = z
  .object({
    field: z.string().regex(FIELD, 'unknown condition field'),
    operator: z.enum(OPERATORS),
    value: z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
  })
  .superRefine(({ field, operator, value }, ctx) => {
    const f = field as ConditionField;
    if (!operatorsFor(f).includes(operator)) {
      issue(ctx, { code: 'operator_not_allowed', message: `"${operator}" cannot be used with ${field}`, path: ['operator'] });
      return;
    }
    const isList = Array.isArray(value);
    if (LIST_OPERATORS.includes(operator)) {
      const items = isList ? value : typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
      if (items.length === 0) issue(ctx, { code: 'list_required', message: `"${operator}" needs at least one value`, path: ['value'] });
    } else if (isList) {
      issue(ctx, { code: 'single_value_required', message: `"${operator}" compares with one value, not a list`, path: ['value'] });
    } else if ((operator === 'contains' || operator === 'not_contains' || operator === 'less_than' || operator === 'greater_than') && (value === null || value === '')) {
      issue(ctx, { code: 'value_required', message: `"${operator}" needs a value`, path: ['value'] });
    }
    const allowed = allowedValues(f);
    if (allowed) {
      // A list operator's string is Zendesk's space-separated list, as evaluation reads it.
      const values = isList ? value : value === null ? [] : LIST_OPERATORS.includes(operator) ? String(value).split(/\s+/).filter(Boolean) : [String(value)];
      values.forEach((v, i) => {
        if (!allowed.includes(v)) issue(ctx, { code: 'unknown_value', message: `"${v}" is not a ${field} (${allowed.join(', ')})`, path: isList ? ['value', i] : ['value'] });
      });
    }
  });

export const targetSchema = z
  .object({
    metric: z.enum(METRIC_NAMES),
    priority: z.enum([...PRIORITIES, 'any']),
    targetMinutes: z.number().positive().max(MAX_TARGET_MINUTES),
    hours: z.enum(['business', 'calendar']),
    scheduleId: z.string().min(1).optional(),
    warnMinutesBefore: z.number().min(0).optional(),
  })
  .superRefine((target, ctx) => {
    if (target.hours === 'business' && !target.scheduleId) {
      issue(ctx, { code: 'schedule_required', message: 'business-hours targets need a schedule', path: ['scheduleId'] });
    }
    if (target.warnMinutesBefore !== undefined && target.warnMinutesBefore >= target.targetMinutes) {
      issue(ctx, { code: 'warning_too_early', message: 'the warning must come before the due time (less than the target)', path: ['warnMinutesBefore'] });
    }
  });

export const policySchema = z
  .object({
    id: z.string().min(1),
    title: z.string().trim().min(1).max(255),
    description: z.string().max(5000).default(''),
    position: z.number().int().min(0),
    active: z.boolean().default(true),
    filter: z.object({ all: z.array(conditionSchema).default([]), any: z.array(conditionSchema).default([]) }).default({ all: [], any: [] }),
    targets: z.array(targetSchema),
  })
  .superRefine((policy, ctx) => {
    const seen = new Map<string, number>();
    policy.targets.forEach((target, i) => {
      const key = `${target.metric}/${target.priority}`;
      const first = seen.get(key);
      if (first !== undefined) issue(ctx, { code: 'duplicate_target', message: `targets[${first}] already sets ${target.metric} for ${target.priority} priority`, path: ['targets', i] });
      else seen.set(key, i);
    });
  });

/** `targets[2].targetMinutes`, `filter.all[0].operator`: the notation admins read beside the field. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    path: formatPath(i.path),
    code: i.code === 'custom' ? String((i as { params?: { code?: string } }).params?.code ?? 'invalid') : i.code,
    message: i.message,
  }));
}

export interface PolicyValidationContext {
  /** The account's schedule ids: business-hours targets must name one of them. */
  readonly scheduleIds?: readonly string[];
}

/** Checks a policy as the admin page or the API sends it; every problem is listed with its path and a stable code. */
export function validatePolicy(input: unknown, context: PolicyValidationContext = {}): Result<SlaPolicy, FieldError> {
  const parsed = policySchema.safeParse(input);
  if (!parsed.success) return fail(toFieldErrors(parsed.error));
  const { scheduleIds } = context;
  const missing: FieldError[] = scheduleIds
    ? parsed.data.targets.flatMap((t, i) =>
        t.scheduleId !== undefined && !scheduleIds.includes(t.scheduleId)
          ? [{ path: `targets[${i}].scheduleId`, code: 'unknown_schedule', message: `no schedule "${t.scheduleId}"`, params: { scheduleId: t.scheduleId } }]
          : [],
      )
    : [];
  return missing.length > 0 ? fail(missing) : ok(parsed.data as SlaPolicy);
}

/**
 * Checks an account's whole list of policies: each one (paths prefixed `[i].`), and that no id is used twice.
 */
export function validatePolicies(inputs: readonly unknown[], context: PolicyValidationContext = {}): Result<SlaPolicy[], FieldError> {
  const policies: SlaPolicy[] = [];
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    const result = validatePolicy(input, context);
    if (!result.ok) {
      errors.push(...result.errors.map((e) => ({ ...e, path: e.path ? `[${i}].${e.path}` : `[${i}]` })));
      return;
    }
    const first = seen.get(result.value.id);
    if (first !== undefined) errors.push({ path: `[${i}].id`, code: 'duplicate_id', message: `policy [${first}] already has id "${result.value.id}"` });
    else seen.set(result.value.id, i);
    policies.push(result.value);
  });
  return errors.length > 0 ? fail(errors) : ok(policies);
}

/** For code that holds a policy it trusts: throws a ValidationError listing every problem. */
export function createPolicy(input: unknown, context?: PolicyValidationContext): SlaPolicy {
  const result = validatePolicy(input, context);
  if (!result.ok) throw new ValidationError('policy', result.errors);
  return result.value;
}
