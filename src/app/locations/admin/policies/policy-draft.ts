import {
  METRIC_NAMES,
  PRIORITIES,
  type Condition,
  type ConditionField,
  type ConditionOperator,
  type FieldError,
  type MetricName,
  type PolicyTarget,
  type Priority,
  type SlaPolicy,
} from '../../../../core';

/** One row of the condition builder as the admin edits it: a list operator holds a list, the others one text. */
export interface ConditionDraft {
  readonly field: ConditionField;
  readonly operator: ConditionOperator;
  readonly value: string | readonly string[];
}

export const TARGET_PRIORITIES = [...PRIORITIES, 'any'] as const;
export type TargetPriority = (typeof TARGET_PRIORITIES)[number];
export type TargetKey = `${MetricName}/${TargetPriority}`;

/** `calendar`, or `business:<scheduleId>`: the clock and the schedule chosen together, as one choice. */
export type TargetClock = 'calendar' | `business:${string}`;

/** One cell of the target grid; an empty `minutes` means "no target". Texts as typed: validation says what is wrong. */
export interface TargetCell {
  readonly minutes: string;
  readonly clock: TargetClock;
  readonly warn: string;
}

export interface PolicyDraft {
  /** Null for a policy not saved yet. */
  readonly id: string | null;
  readonly position: number;
  readonly version: number | null;
  readonly title: string;
  readonly description: string;
  readonly active: boolean;
  readonly all: readonly ConditionDraft[];
  readonly any: readonly ConditionDraft[];
  readonly targets: Readonly<Partial<Record<TargetKey, TargetCell>>>;
}

export const LIST_OPERATORS: readonly ConditionOperator[] = ['in', 'not_in', 'includes', 'includes_all', 'not_includes'];
export const isListOperator = (operator: ConditionOperator) => LIST_OPERATORS.includes(operator);

export const targetKey = (metric: MetricName, priority: TargetPriority): TargetKey => `${metric}/${priority}`;

/** Splits "vip gold, silver" into its words: how admins type lists of tags and values. */
export const splitList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** The same condition with its value reshaped for `operator` (a list for list operators, one text otherwise). */
export function withOperator(condition: ConditionDraft, operator: ConditionOperator): ConditionDraft {
  const { value } = condition;
  if (isListOperator(operator)) return { ...condition, operator, value: Array.isArray(value) ? value : splitList(value as string) };
  return { ...condition, operator, value: Array.isArray(value) ? (value[0] ?? '') : value };
}

export function emptyDraft(position: number): PolicyDraft {
  return { id: null, position, version: null, title: '', description: '', active: true, all: [], any: [], targets: {} };
}

const conditionDraft = (c: Condition): ConditionDraft => ({
  field: c.field,
  operator: c.operator,
  value: Array.isArray(c.value) ? c.value : isListOperator(c.operator) ? splitList(String(c.value ?? '')) : c.value === null ? '' : String(c.value),
});

export function draftOf(policy: SlaPolicy, version: number | null): PolicyDraft {
  const targets: Partial<Record<TargetKey, TargetCell>> = {};
  for (const t of policy.targets) {
    targets[targetKey(t.metric, t.priority)] = {
      minutes: String(t.targetMinutes),
      clock: t.hours === 'business' ? `business:${t.scheduleId ?? ''}` : 'calendar',
      warn: t.warnMinutesBefore === undefined ? '' : String(t.warnMinutesBefore),
    };
  }
  return {
    id: policy.id,
    position: policy.position,
    version,
    title: policy.title,
    description: policy.description,
    active: policy.active,
    all: policy.filter.all.map(conditionDraft),
    any: policy.filter.any.map(conditionDraft),
    targets,
  };
}

/** A typed number, or NaN so that validation names the field ("not a number") rather than dropping it. */
const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));

function conditionOf(draft: ConditionDraft): Condition {
  if (Array.isArray(draft.value)) return { field: draft.field, operator: draft.operator, value: [...draft.value] };
  const text = (draft.value as string).trim();
  // `is` with nothing chosen means "has no value", as in Zendesk's builder.
  return { field: draft.field, operator: draft.operator, value: text === '' && (draft.operator === 'is' || draft.operator === 'is_not') ? null : text };
}

function targetOf(key: TargetKey, cell: TargetCell): PolicyTarget {
  const [metric, priority] = key.split('/') as [MetricName, TargetPriority];
  const business = cell.clock.startsWith('business:');
  const scheduleId = business ? cell.clock.slice('business:'.length) : '';
  return {
    metric,
    priority: priority as Priority | 'any',
    targetMinutes: numberOf(cell.minutes),
    hours: business ? 'business' : 'calendar',
    ...(scheduleId ? { scheduleId } : {}),
    ...(cell.warn.trim() === '' ? {} : { warnMinutesBefore: numberOf(cell.warn) }),
  };
}

/** The cells that hold a target, in grid order (metric by metric, priorities in order): the order `targets[i]` has. */
export function filledTargetKeys(draft: PolicyDraft): TargetKey[] {
  return METRIC_NAMES.flatMap((metric) =>
    TARGET_PRIORITIES.map((priority) => targetKey(metric, priority)).filter((key) => (draft.targets[key]?.minutes ?? '').trim() !== ''),
  );
}

/** The policy the draft describes (unchecked: validatePolicy says what is wrong with it). */
export function policyOf(draft: PolicyDraft): SlaPolicy {
  return {
    id: draft.id ?? 'new',
    position: draft.position,
    title: draft.title,
    description: draft.description,
    active: draft.active,
    filter: { all: draft.all.map(conditionOf), any: draft.any.map(conditionOf) },
    targets: filledTargetKeys(draft).map((key) => targetOf(key, draft.targets[key] as TargetCell)),
  };
}

/**
 * Problems renamed from the list the validator saw (`targets[3].warnMinutesBefore`) to the grid cell the admin sees
 * (`targets.first_reply_time/high.warnMinutesBefore`), so that each shows in its cell.
 */
export function toGridPaths(problems: readonly FieldError[], draft: PolicyDraft): FieldError[] {
  const keys = filledTargetKeys(draft);
  return problems.map((p) => {
    const match = /^targets\[(\d+)\](.*)$/.exec(p.path);
    const key = match ? keys[Number(match[1])] : undefined;
    return key && match ? { ...p, path: `targets.${key}${match[2] ?? ''}` } : p;
  });
}
