import type { Priority } from '../ticket/ticket-snapshot';
import type { MetricName } from './metric-name';
import type { TicketFilter } from './ticket-filter';

/** Which clock a target counts on: the schedule's business hours, or every minute (24/7). */
export type TargetHours = 'business' | 'calendar';

/**
 * One promise: "urgent first replies within 60 business minutes of schedule `emea`, warn 15 minutes before".
 * `priority: 'any'` applies to tickets whose priority has no target of its own (including tickets without one).
 */
export interface PolicyTarget {
  readonly metric: MetricName;
  readonly priority: Priority | 'any';
  /** Whole or fractional minutes, > 0. */
  readonly targetMinutes: number;
  readonly hours: TargetHours;
  /** The schedule business hours are counted in; required when `hours` is `business`. */
  readonly scheduleId?: string;
  /** Enter "due soon" this many minutes (of the target's own clock) before the due time. */
  readonly warnMinutesBefore?: number;
}

/** Zendesk's SLA policy (SLAPolicyObject), camelCased, with targets in place of `policy_metrics`. */
export interface SlaPolicy {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** Order in the admin's list, lower first: breaks ties between equally specific policies. */
  readonly position: number;
  readonly active: boolean;
  readonly filter: TicketFilter;
  readonly targets: readonly PolicyTarget[];
}
