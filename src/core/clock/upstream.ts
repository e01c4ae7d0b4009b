import type { MetricName } from '../policy/metric-name';
import type { PolicyTarget, SlaPolicy } from '../policy/sla-policy';
import * as policyModule from '../policy';
import * as scheduleModule from '../schedule';
import type { Priority, TicketSnapshot } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';

/*
 * What the clock uses from src/core/policy (policy choice) and src/core/schedule (business time), in one place.
 * Those areas were being written at the same time as this one (issue #2), under agreed names. Until they export
 * them, the names are looked up when first called (with a clear error if absent), and the types follow theirs as
 * soon as they exist. TODO(#2): once both have landed, replace this file's body with plain re-exports.
 */

type PolicyApi = typeof policyModule;
type ScheduleApi = typeof scheduleModule;

/** A business-hours schedule (src/core/schedule): the type of its CALENDAR_SCHEDULE once it exists. */
export type Schedule = ScheduleApi extends { readonly CALENDAR_SCHEDULE: infer S } ? S : object;

/** The shape agreed for src/core/policy's `selectPolicy` result, used until its own type exists. */
export type AgreedPolicySelection =
  | {
      readonly kind: 'selected';
      readonly policy: SlaPolicy;
      readonly specificity: number;
      readonly reason: unknown;
      readonly considered: readonly unknown[];
    }
  | { readonly kind: 'none'; readonly considered: readonly unknown[] };

/** The nearest policy for a ticket, and why (src/core/policy's `PolicySelection`). */
export type PolicySelection = PolicyApi extends { selectPolicy: (...args: never[]) => infer R } ? R : AgreedPolicySelection;

type SelectPolicy = (policies: readonly SlaPolicy[], ticket: TicketSnapshot) => PolicySelection;
type TargetFor = (policy: SlaPolicy, metric: MetricName, priority: Priority | null) => PolicyTarget | null | undefined;
type BusinessMillis = (schedule: Schedule, from: EpochMillis, millis: number) => EpochMillis;
type BusinessBetween = (schedule: Schedule, from: EpochMillis, to: EpochMillis) => number;

function provided<F>(module: object, area: string, name: string): () => F {
  let found: F | undefined;
  return () => {
    if (found === undefined) {
      const value = (module as Record<string, unknown>)[name];
      if (typeof value !== 'function') throw new Error(`src/core/${area} does not export ${name}, which the SLA clock needs`);
      found = value as F;
    }
    return found;
  };
}

const selectPolicyFn = provided<SelectPolicy>(policyModule, 'policy', 'selectPolicy');
const targetForFn = provided<TargetFor>(policyModule, 'policy', 'targetFor');
const addFn = provided<BusinessMillis>(scheduleModule, 'schedule', 'addBusinessMillis');
const subtractFn = provided<BusinessMillis>(scheduleModule, 'schedule', 'subtractBusinessMillis');
const betweenFn = provided<BusinessBetween>(scheduleModule, 'schedule', 'businessMillisBetween');

export const selectPolicy: SelectPolicy = (policies, ticket) => selectPolicyFn()(policies, ticket);
export const targetFor: TargetFor = (policy, metric, priority) => targetForFn()(policy, metric, priority);
export const addBusinessMillis: BusinessMillis = (schedule, from, millis) => addFn()(schedule, from, millis);
export const subtractBusinessMillis: BusinessMillis = (schedule, from, millis) => subtractFn()(schedule, from, millis);
export const businessMillisBetween: BusinessBetween = (schedule, from, to) => betweenFn()(schedule, from, to);
