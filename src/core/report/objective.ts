import { DateTime } from 'luxon';
import type { MetricName } from '../policy/metric-name';
import type { Priority } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import type { ReportRecord } from './report-record';

export const OBJECTIVE_PERIODS = ['day', 'week', 'month', 'quarter'] as const;
/** A calendar period in the objective's zone; weeks start on Monday (ISO). */
export type ObjectivePeriod = (typeof OBJECTIVE_PERIODS)[number];

/**
 * A percentile promise over a calendar period: "95% of urgent first replies within 60 business minutes, per
 * calendar month in Europe/Warsaw", optionally for one organization or one policy. Independent of the policies'
 * own targets: an objective measures the business minutes the records carry against its own threshold.
 */
export interface SlaObjective {
  readonly id: string;
  readonly title: string;
  readonly metric: MetricName;
  /** Null: every priority. */
  readonly priority: Priority | null;
  readonly organizationId: string | null;
  readonly policyId: string | null;
  /** An instance is good when fulfilled in strictly fewer business minutes (a reply at the due instant is late). */
  readonly targetMinutes: number;
  /** The share of instances that must be good, in percent, 0 < percent < 100. */
  readonly percent: number;
  readonly period: ObjectivePeriod;
  /** IANA zone the calendar period is read in. */
  readonly timeZone: string;
}

export interface ObjectiveStatus {
  readonly objectiveId: string;
  readonly periodStart: EpochMillis;
  readonly periodEnd: EpochMillis;
  /** Share of the period that has passed at `now`, 0…1. */
  readonly elapsedFraction: number;
  readonly good: number;
  readonly bad: number;
  /** Started in the period, not fulfilled, not yet over the threshold: they may still go either way. */
  readonly undecided: number;
  /** good / (good + bad) in percent; null before anything is decided. */
  readonly attainmentPercent: number | null;
  /** Bad instances the objective tolerates on what is decided so far: (100 − percent)% of (good + bad). */
  readonly errorBudget: number;
  /** errorBudget − bad: how many more bad instances fit; negative once overspent. */
  readonly errorBudgetRemaining: number;
  /**
   * Bad rate over allowed bad rate, (bad / decided) / ((100 − percent) / 100): 1 spends the budget exactly as fast
   * as the objective allows; above 1 the period ends missed if this continues. Null before anything is decided.
   */
  readonly burnRate: number | null;
  /** Whether the attainment so far meets the objective (null before anything is decided). */
  readonly met: boolean | null;
}

/** The calendar period of `period` in `zone` that contains `at`, as [start, end). */
export function objectivePeriodOf(at: EpochMillis, period: ObjectivePeriod, zone: string): { start: EpochMillis; end: EpochMillis } {
  const local = DateTime.fromMillis(at, { zone });
  if (!local.isValid) throw new RangeError(`Unknown time zone "${zone}"`);
  const start = local.startOf(period);
  return { start: start.toMillis(), end: start.plus({ [period]: 1 }).toMillis() };
}

export function recordCountsFor(objective: SlaObjective, record: ReportRecord): boolean {
  return (
    record.metric === objective.metric &&
    (objective.priority === null || record.priority === objective.priority) &&
    (objective.organizationId === null || record.organizationId === objective.organizationId) &&
    (objective.policyId === null || record.policyId === objective.policyId)
  );
}

export type ObjectiveVerdict = 'good' | 'bad' | 'undecided' | 'not_counted';

export function objectiveVerdict(record: ReportRecord, targetMinutes: number): ObjectiveVerdict {
  const minutes = record.businessMinutes;
  if (record.status === 'not_applicable' || minutes === null) return 'not_counted';
  if (record.status === 'met' || record.status === 'met_late') return minutes < targetMinutes ? 'good' : 'bad';
  // A running or breached instance is bad as soon as its clock has passed the threshold, whatever happens next.
  return minutes >= targetMinutes ? 'bad' : 'undecided';
}

/** Good, bad and undecided instances of an objective's period; they add up across any split of the records. */
export interface ObjectiveCounts {
  good: number;
  bad: number;
  undecided: number;
}

/** Adds to `counts` the records that started in the objective's period containing `now` (up to `now`). */
export function countForObjective(objective: SlaObjective, records: Iterable<ReportRecord>, now: EpochMillis, counts: ObjectiveCounts = { good: 0, bad: 0, undecided: 0 }): ObjectiveCounts {
  const { start, end } = objectivePeriodOf(now, objective.period, objective.timeZone);
  for (const record of records) {
    if (record.startedAt < start || record.startedAt >= end || record.startedAt > now) continue;
    if (!recordCountsFor(objective, record)) continue;
    const verdict = objectiveVerdict(record, objective.targetMinutes);
    if (verdict === 'good') counts.good++;
    else if (verdict === 'bad') counts.bad++;
    else if (verdict === 'undecided') counts.undecided++;
  }
  return counts;
}

/**
 * An objective's standing in the period containing `now`, from the records of instances that started in it (up to
 * `now`). Worked example: 95%, 200 decided instances of which 6 are bad: attainment 97%, error budget
 * 5% × 200 = 10, remaining 10 − 6 = 4, burn rate (6 / 200) / 0.05 = 0.6.
 */
export function objectiveStatus(objective: SlaObjective, records: Iterable<ReportRecord>, now: EpochMillis): ObjectiveStatus {
  return objectiveStatusOf(objective, countForObjective(objective, records, now), now);
}

export function objectiveStatusOf(objective: SlaObjective, { good, bad, undecided }: ObjectiveCounts, now: EpochMillis): ObjectiveStatus {
  const { start, end } = objectivePeriodOf(now, objective.period, objective.timeZone);
  const decided = good + bad;
  // Percent arithmetic in whole percents first: (100 − 95) × 200 / 100 is exactly 10, 0.05 × 200 is not.
  const errorBudget = ((100 - objective.percent) * decided) / 100;
  const attainmentPercent = decided === 0 ? null : (100 * good) / decided;
  return {
    objectiveId: objective.id,
    periodStart: start,
    periodEnd: end,
    elapsedFraction: Math.min(1, Math.max(0, (now - start) / (end - start))),
    good,
    bad,
    undecided,
    attainmentPercent,
    errorBudget,
    errorBudgetRemaining: errorBudget - bad,
    burnRate: decided === 0 ? null : (100 * bad) / ((100 - objective.percent) * decided),
    met: attainmentPercent === null ? null : attainmentPercent >= objective.percent,
  };
}
