import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import { fieldValue, type FieldValue } from './condition-fields';
import { evaluateCondition } from './evaluate-condition';
import { matchedConditionCount } from './match-filter';
import type { SlaPolicy } from './sla-policy';
import type { Condition } from './ticket-filter';

/** One condition of a policy, as it fared on the ticket. */
export interface ConditionOutcome {
  readonly group: 'all' | 'any';
  readonly condition: Condition;
  readonly held: boolean;
  /** The ticket's value the condition was compared with. */
  readonly actual: FieldValue | null;
}

/** One policy as the choice saw it. */
export interface PolicyConsideration {
  readonly policyId: string;
  readonly title: string;
  readonly position: number;
  readonly active: boolean;
  readonly applied: boolean;
  /** Conditions that held, when the policy applied; otherwise null. */
  readonly specificity: number | null;
  readonly conditions: readonly ConditionOutcome[];
}

/** Why the winner won: alone, by more conditions, or by its place in the list among equals. */
export type SelectionReason = 'only_match' | 'most_specific' | 'tie_broken_by_position';

/**
 * The nearest policy for a ticket and why. `considered` lists every policy (inactive ones too) in list order with
 * each condition's outcome; it is computed on first read, so the server's hot path pays only for the choice.
 */
export type PolicySelection =
  | {
      readonly kind: 'selected';
      readonly policy: SlaPolicy;
      readonly specificity: number;
      readonly reason: SelectionReason;
      readonly considered: readonly PolicyConsideration[];
    }
  | { readonly kind: 'none'; readonly reason: 'no_policy_applies'; readonly considered: readonly PolicyConsideration[] };

/** List order: lower position first, then id, so the outcome never depends on the order policies were loaded in. */
const listOrder = (a: SlaPolicy, b: SlaPolicy) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function consider(policy: SlaPolicy, ticket: TicketSnapshot): PolicyConsideration {
  const outcome = (group: 'all' | 'any') => (condition: Condition): ConditionOutcome => ({
    group,
    condition,
    held: evaluateCondition(condition, ticket),
    actual: fieldValue(ticket, condition.field) ?? null,
  });
  const specificity = policy.active ? matchedConditionCount(policy.filter, ticket) : -1;
  return {
    policyId: policy.id,
    title: policy.title,
    position: policy.position,
    active: policy.active,
    applied: specificity >= 0,
    specificity: specificity >= 0 ? specificity : null,
    conditions: [...policy.filter.all.map(outcome('all')), ...policy.filter.any.map(outcome('any'))],
  };
}

function lazyConsidered(policies: readonly SlaPolicy[], ticket: TicketSnapshot): () => readonly PolicyConsideration[] {
  let memo: readonly PolicyConsideration[] | null = null;
  return () => (memo ??= [...policies].sort(listOrder).map((policy) => consider(policy, ticket)));
}

/**
 * The nearest matching policy: of the active policies whose filter matches, the most specific (most conditions
 * that held); a tie goes to the lower position (then the lower id). A policy without conditions is a catch-all.
 */
export function selectPolicy(policies: readonly SlaPolicy[], ticket: TicketSnapshot): PolicySelection {
  let best: SlaPolicy | null = null;
  let bestSpecificity = -1;
  let matches = 0;
  let tied = false;
  for (const policy of policies) {
    if (!policy.active) continue;
    const specificity = matchedConditionCount(policy.filter, ticket);
    if (specificity < 0) continue;
    matches++;
    if (best === null || specificity > bestSpecificity) {
      [best, bestSpecificity, tied] = [policy, specificity, false];
    } else if (specificity === bestSpecificity) {
      tied = true;
      if (listOrder(policy, best) < 0) best = policy;
    }
  }
  const considered = lazyConsidered(policies, ticket);
  if (best === null) {
    return { kind: 'none', reason: 'no_policy_applies', get considered() { return considered(); } };
  }
  const reason: SelectionReason = matches === 1 ? 'only_match' : tied ? 'tie_broken_by_position' : 'most_specific';
  return { kind: 'selected', policy: best, specificity: bestSpecificity, reason, get considered() { return considered(); } };
}
