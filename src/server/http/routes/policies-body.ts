import { z } from 'zod';
import { lintPolicies, validatePolicy, type FieldError, type PolicyLintWarning, type SlaPolicy } from '../../../core';
import { POLICY_APPLY_MODES, type PolicyApply, type PolicyBody, type SlaStore, type StoredPolicy } from '../../store/sla-store';
import { rejected } from '../http-errors';
import { prefixProblems, zodProblems } from '../request-body';
import { toSlaPolicy } from './policies-in-force';

/** A policy as the app API shows it: the current version's body, with the row's id and place in the list. */
export interface PolicyResource {
  readonly id: string;
  readonly position: number;
  readonly version: number;
  readonly body: PolicyBody;
  readonly savedAt: number;
  readonly authorId: string | null;
  readonly apply: PolicyApply | null;
}

export function toPolicyResource(stored: StoredPolicy): PolicyResource {
  const { id, position, version, body, savedAt, authorId, apply } = stored;
  return { id, position, version, body, savedAt, authorId, apply };
}

const saveBodySchema = z.object({
  policy: z.unknown(),
  expectedVersion: z.number().int().min(1).optional(),
  apply: z.enum(POLICY_APPLY_MODES).default('new_tickets_only'),
});

export interface PolicySave {
  readonly body: PolicyBody;
  readonly expectedVersion: number | undefined;
  readonly apply: PolicyApply;
}

/**
 * `{ policy, expectedVersion?, apply? }`, the policy checked by the core's schema with the account's schedule ids;
 * every problem at once, `policy.targets[2].targetMinutes` and the like. The store owns `id` and `position`: any
 * the body carries are ignored.
 */
export function parsePolicySave(body: unknown, scheduleIds: readonly string[]): PolicySave {
  const parsed = saveBodySchema.safeParse(body ?? {});
  const problems: FieldError[] = parsed.success ? [] : zodProblems(parsed.error);
  const input = (body as { policy?: unknown } | null)?.policy;
  const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
  const validated = isObject ? validatePolicy({ ...input, id: 'draft', position: 0 }, { scheduleIds }) : null;
  if (!isObject) problems.push({ path: 'policy', code: 'invalid_type', message: 'policy must be an object' });
  else if (validated && !validated.ok) problems.push(...prefixProblems('policy', validated.errors));
  if (!parsed.success || !validated?.ok || problems.length > 0) throw rejected.unprocessable('invalid_policy', 'Policy is invalid', problems);
  const { id: _id, position: _position, ...policyBody } = validated.value;
  return { body: policyBody, expectedVersion: parsed.data.expectedVersion, apply: parsed.data.apply };
}

/** The account's list as GET /api/policies answers it: in the admin's order, with the lint warnings of the whole list. */
export async function policyListing(store: SlaStore, accountId: string): Promise<{ policies: PolicyResource[]; warnings: PolicyLintWarning[] }> {
  const [stored, schedules] = await Promise.all([store.listPolicies(accountId), store.listSchedules(accountId)]);
  const policies: SlaPolicy[] = stored.map(toSlaPolicy);
  return { policies: stored.map(toPolicyResource), warnings: lintPolicies(policies, { scheduleIds: schedules.map((s) => s.id) }) };
}

export const policyNotFound = () => rejected.notFound('policy_not_found', 'No such policy');
