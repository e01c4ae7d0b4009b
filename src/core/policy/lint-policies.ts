import { PRIORITIES } from '../ticket/ticket-snapshot';
import type { MetricName } from './metric-name';
import type { SlaPolicy } from './sla-policy';
import { normalise } from './evaluate-condition';
import type { Condition } from './ticket-filter';

/** Something an admin probably did not mean; the policy still saves. */
export interface PolicyLintWarning {
  readonly policyId: string;
  readonly path: string;
  readonly code: 'contradictory_conditions' | 'shadowed' | 'missing_priority_target' | 'missing_schedule' | 'no_targets' | 'tiny_warning';
  readonly message: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Values compared as evaluation compares them ("Ana@x.com" is "ana@x.com"), so only real conflicts are named. */
const single = (c: Condition): string | null => (Array.isArray(c.value) ? null : normalise(c.value, c.field));
const listOf = (c: Condition): string[] =>
  (Array.isArray(c.value) ? [...c.value] : typeof c.value === 'string' ? c.value.split(/\s+/).filter(Boolean) : []).map((v) => normalise(v, c.field) ?? '');

/**
 * Two `all` conditions that can never hold together: the same field `is` two values, `is X` with `is_not X` or
 * with `not_in [.., X]`, `includes x` with `not_includes x`. Sound, not complete: it names only sure conflicts.
 */
function contradiction(a: Condition, b: Condition): boolean {
  if (a.field !== b.field) return false;
  const [x, y] = [single(a), single(b)];
  const pair = (p: Condition['operator'], q: Condition['operator']) => (a.operator === p && b.operator === q) || (a.operator === q && b.operator === p);
  if (a.operator === 'is' && b.operator === 'is') return x !== y;
  if (pair('is', 'is_not')) return x === y;
  if (pair('is', 'not_in')) {
    const [is, notIn] = a.operator === 'is' ? [a, b] : [b, a];
    return listOf(notIn).includes(single(is) ?? '');
  }
  if (pair('includes_all', 'not_includes') || (a.operator === 'includes' && b.operator === 'not_includes' && listOf(a).length === 1) || (b.operator === 'includes' && a.operator === 'not_includes' && listOf(b).length === 1)) {
    const [wanted, refused] = a.operator === 'not_includes' ? [b, a] : [a, b];
    return listOf(wanted).some((tag) => listOf(refused).includes(tag));
  }
  return false;
}

function contradictions(policy: SlaPolicy): PolicyLintWarning[] {
  const { all, any } = policy.filter;
  const warnings: PolicyLintWarning[] = [];
  all.forEach((a, i) =>
    all.slice(i + 1).forEach((b, k) => {
      if (contradiction(a, b)) warnings.push({ policyId: policy.id, path: `filter.all[${i + k + 1}]`, code: 'contradictory_conditions', message: `can never hold together with filter.all[${i}], so the policy never applies` });
    }),
  );
  if (any.length > 0 && any.every((b) => all.some((a) => contradiction(a, b)))) {
    warnings.push({ policyId: policy.id, path: 'filter.any', code: 'contradictory_conditions', message: 'every "any" condition contradicts an "all" condition, so the policy never applies' });
  }
  return warnings;
}

const conditionKey = (c: Condition) => JSON.stringify([c.field, c.operator, Array.isArray(c.value) ? [...c.value].sort() : c.value]);
const filterKey = (p: SlaPolicy) => JSON.stringify([p.filter.all.map(conditionKey).sort(), p.filter.any.map(conditionKey).sort()]);

/**
 * Shadowed: another active policy has exactly the same conditions and comes first in the list, so it applies
 * whenever this one does, with the same specificity, and wins the tie. (A policy with more conditions is never
 * shadowed by one with fewer: the nearest policy is the most specific, so the more specific one wins.) Only this
 * sure case is reported; reasoning about implications between different conditions would risk false alarms.
 */
function shadows(policies: readonly SlaPolicy[]): PolicyLintWarning[] {
  const active = policies.filter((p) => p.active).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  const firstWith = new Map<string, SlaPolicy>();
  return active.flatMap((policy) => {
    const key = filterKey(policy);
    const winner = firstWith.get(key);
    if (!winner) {
      firstWith.set(key, policy);
      return [];
    }
    return [{ policyId: policy.id, path: 'filter', code: 'shadowed' as const, message: `"${winner.title}" has the same conditions and comes first, so this policy never applies`, params: { by: winner.id } }];
  });
}

function targetGaps(policy: SlaPolicy, scheduleIds: readonly string[] | undefined): PolicyLintWarning[] {
  if (policy.targets.length === 0) return [{ policyId: policy.id, path: 'targets', code: 'no_targets', message: 'the policy sets no targets, so tickets it applies to have no SLA' }];
  const warnings: PolicyLintWarning[] = [];
  const metrics = new Set<MetricName>(policy.targets.map((t) => t.metric));
  for (const metric of metrics) {
    const priorities = new Set(policy.targets.filter((t) => t.metric === metric).map((t) => t.priority));
    const missing = priorities.has('any') ? [] : PRIORITIES.filter((p) => !priorities.has(p));
    if (missing.length > 0) {
      warnings.push({ policyId: policy.id, path: 'targets', code: 'missing_priority_target', message: `${metric} has no target for ${missing.join(', ')} priority and no "any priority" target`, params: { metric, priorities: missing.join(',') } });
    }
  }
  policy.targets.forEach((t, i) => {
    if (scheduleIds && t.scheduleId !== undefined && !scheduleIds.includes(t.scheduleId)) {
      warnings.push({ policyId: policy.id, path: `targets[${i}].scheduleId`, code: 'missing_schedule', message: `schedule "${t.scheduleId}" does not exist`, params: { scheduleId: t.scheduleId } });
    }
    if (t.warnMinutesBefore !== undefined && t.warnMinutesBefore > 0 && t.warnMinutesBefore < Math.min(5, t.targetMinutes / 20)) {
      warnings.push({ policyId: policy.id, path: `targets[${i}].warnMinutesBefore`, code: 'tiny_warning', message: `a ${t.warnMinutesBefore}-minute warning leaves agents little time to act` });
    }
  });
  return warnings;
}

/** Warnings about a list of policies: ones that can never apply, targets missing or pointing nowhere. */
export function lintPolicies(policies: readonly SlaPolicy[], context: { readonly scheduleIds?: readonly string[] } = {}): PolicyLintWarning[] {
  return [...policies.flatMap((p) => [...contradictions(p), ...targetGaps(p, context.scheduleIds)]), ...shadows(policies)];
}
