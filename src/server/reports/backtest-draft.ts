import { validatePolicies, validateSchedule, type FieldError, type Schedule } from '../../core';
import type { RuleSet } from '../../core/report';

/**
 * A draft file for `sla backtest --policies draft.json`: the whole list of policies as the admin would save it,
 * and optionally schedules by id that replace or add to the account's (so a draft can try new hours):
 *   { "policies": [{ "id": "vip", "title": "VIP", "position": 1, "targets": [...] }], "schedules": { "emea": {...} } }
 * A bare array is read as the policies.
 */
export function draftRules(json: unknown, current: RuleSet): { ok: true; rules: RuleSet } | { ok: false; errors: FieldError[] } {
  const file = Array.isArray(json) ? { policies: json } : (json as { policies?: unknown; schedules?: unknown } | null);
  if (!file || !Array.isArray(file.policies)) return { ok: false, errors: [{ path: 'policies', code: 'required', message: 'a list of policies is required' }] };
  const schedules: Record<string, Schedule> = { ...current.schedules };
  const errors: FieldError[] = [];
  for (const [id, spec] of Object.entries((file.schedules ?? {}) as Record<string, unknown>)) {
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
    else errors.push(...result.errors.map((e) => ({ ...e, path: `schedules.${id}${e.path ? `.${e.path}` : ''}` })));
  }
  const policies = validatePolicies(file.policies, { scheduleIds: Object.keys(schedules) });
  if (!policies.ok) errors.push(...policies.errors.map((e) => ({ ...e, path: `policies${e.path}` })));
  if (errors.length > 0 || !policies.ok) return { ok: false, errors };
  return { ok: true, rules: { policies: policies.value, schedules } };
}
