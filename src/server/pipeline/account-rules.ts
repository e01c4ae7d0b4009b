import type { Logger } from 'pino';
import { validateSchedule, type Schedule, type ScheduleSpec, type SlaPolicy } from '../../core';
import type { SlaStore, StoredPolicy, StoredSchedule } from '../store/sla-store';

/** An account's policies and schedules, as the core takes them. */
export interface AccountRules {
  readonly policies: readonly SlaPolicy[];
  readonly schedules: Readonly<Record<string, Schedule>>;
  /** The schedules as the admin wrote them (what the sidebar gets to run the core itself). */
  readonly specs: Readonly<Record<string, ScheduleSpec>>;
}

/**
 * Loads an account's rules, reusing the previous objects while nothing changed. The reuse matters: the core
 * memoizes the policy choice per policies array and builds each schedule's open-interval index lazily on the
 * Schedule object, so a fresh copy for every ticket would throw that work away each time.
 */
export class AccountRulesCache {
  private readonly entries = new Map<string, { readonly fingerprint: string; readonly rules: AccountRules }>();

  constructor(private readonly store: SlaStore, private readonly log: Pick<Logger, 'warn'>) {}

  async load(accountId: string): Promise<AccountRules> {
    const [stored, storedSchedules] = await Promise.all([this.store.listPolicies(accountId), this.store.listSchedules(accountId)]);
    const fingerprint = fingerprintOf(stored, storedSchedules);
    const cached = this.entries.get(accountId);
    if (cached?.fingerprint === fingerprint) return cached.rules;
    const rules = compileRules(stored, storedSchedules, this.log);
    this.entries.set(accountId, { fingerprint, rules });
    return rules;
  }
}

export function compileRules(stored: readonly StoredPolicy[], storedSchedules: readonly StoredSchedule[], log: Pick<Logger, 'warn'>): AccountRules {
  const policies = stored.map((p): SlaPolicy => ({ id: p.id, position: p.position, ...p.body }));
  const specs: Record<string, ScheduleSpec> = {};
  const schedules: Record<string, Schedule> = {};
  for (const { id, spec } of storedSchedules) {
    specs[id] = spec;
    // Validated when saved; one that no longer validates (a time zone the runtime dropped) is left out, so the
    // metrics counting on it say `missing_schedule` instead of the ticket failing.
    const result = validateSchedule(spec);
    if (result.ok) schedules[id] = result.value;
    else log.warn({ scheduleId: id, problems: result.errors }, 'stored schedule does not validate');
  }
  return { policies, schedules, specs };
}

const fingerprintOf = (policies: readonly StoredPolicy[], schedules: readonly StoredSchedule[]): string =>
  JSON.stringify([policies.map((p) => [p.id, p.version, p.position]), schedules.map((s) => [s.id, s.updatedAt])]);
