import { millisOf, type PolicyRow, type PolicyVersionRow } from './database';
import { POLICY_APPLY_MODES, type PolicyApply, type PolicyBody, type StoredPolicy } from './sla-store';

/** A policy row joined with one of its versions (the current one, or any for the history). */
export function policyRowToPolicy(policy: Pick<PolicyRow, 'id' | 'account_id' | 'position'>, version: PolicyVersionRow): StoredPolicy {
  return {
    id: policy.id,
    accountId: policy.account_id,
    position: policy.position,
    version: version.version,
    body: JSON.parse(version.body) as PolicyBody,
    authorId: version.author_id,
    savedAt: millisOf(version.saved_at),
    apply: POLICY_APPLY_MODES.includes(version.apply as PolicyApply) ? (version.apply as PolicyApply) : null,
  };
}
