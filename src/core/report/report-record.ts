import type { MetricName } from '../policy/metric-name';
import type { Priority } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';

/**
 * One metric instance of one ticket as reports see it: the core's assessment flattened to a row (the server's
 * `MetricRecord` is this plus the account). `status` is the instance state's `kind`.
 */
export interface ReportRecord {
  readonly ticketId: string;
  readonly metric: MetricName;
  readonly instance: number;
  readonly policyId: string | null;
  readonly priority: Priority | null;
  readonly groupId: string | null;
  readonly assigneeId: string | null;
  readonly brandId: string | null;
  readonly organizationId: string | null;
  /** The channel (Zendesk `via.channel`). */
  readonly via: string | null;
  readonly status: string;
  readonly startedAt: EpochMillis;
  readonly dueAt: EpochMillis | null;
  readonly fulfilledAt: EpochMillis | null;
  readonly breachedAt: EpochMillis | null;
  readonly businessMinutes: number | null;
  readonly calendarMinutes: number | null;
}

/** What a report can be grouped or filtered by, named as admins see them; `channel` reads `via`. */
export const REPORT_DIMENSIONS = ['policy', 'metric', 'priority', 'group', 'assignee', 'brand', 'channel', 'organization'] as const;
export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

const FIELD_OF_DIMENSION = {
  policy: 'policyId',
  metric: 'metric',
  priority: 'priority',
  group: 'groupId',
  assignee: 'assigneeId',
  brand: 'brandId',
  channel: 'via',
  organization: 'organizationId',
} as const satisfies Record<ReportDimension, keyof ReportRecord>;

export function recordFieldOf(dimension: ReportDimension): (typeof FIELD_OF_DIMENSION)[ReportDimension] {
  return FIELD_OF_DIMENSION[dimension];
}

export function dimensionValue(record: ReportRecord, dimension: ReportDimension): string | null {
  return record[FIELD_OF_DIMENSION[dimension]];
}

/** Keep only records whose dimension equals the value (null matches "none"). Every filter must hold. */
export type ReportFilters = Partial<Readonly<Record<ReportDimension, string | null>>>;

export function matchesFilters(record: ReportRecord, filters: ReportFilters): boolean {
  for (const dimension of REPORT_DIMENSIONS) {
    const wanted = filters[dimension];
    if (wanted !== undefined && dimensionValue(record, dimension) !== wanted) return false;
  }
  return true;
}

/**
 * How a status counts in reports. `met`, `met_late` and `breached` are decided; `active`, `due_soon` and `paused`
 * are still running (a running clock may still be met); `not_applicable` is not measured and is left out.
 */
export type ReportOutcome = 'met' | 'met_late' | 'breached' | 'running' | 'not_measured';

export function outcomeOf(status: string): ReportOutcome {
  switch (status) {
    case 'met':
    case 'met_late':
    case 'breached':
      return status;
    case 'active':
    case 'due_soon':
    case 'paused':
      return 'running';
    default:
      return 'not_measured';
  }
}
