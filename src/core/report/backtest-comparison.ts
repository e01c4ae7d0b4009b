import type { MetricName } from '../policy/metric-name';
import { compareKeys, type ComplianceRow } from './compliance';
import type { ObjectiveStatus, SlaObjective } from './objective';
import type { ReportDimension, ReportRecord } from './report-record';

export interface InstanceChange {
  readonly ticketId: string;
  readonly metric: MetricName;
  readonly instance: number;
}

export interface PolicySwitch {
  readonly ticketId: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** One group's compliance under both rule sets; a side is null when the group has no measured instance there. */
export interface SideBySide {
  readonly key: ComplianceRow['key'];
  readonly current: ComplianceRow | null;
  readonly draft: ComplianceRow | null;
}

export interface BacktestComparison {
  readonly tickets: number;
  /** Per policy, metric and priority (policies differ between sets, so rows pair only where ids match). */
  readonly byPolicy: readonly SideBySide[];
  /** Per metric and priority: the apples-to-apples view when the draft renames or splits policies. */
  readonly byMetric: readonly SideBySide[];
  /** Instances that breach (breached or met late) under the draft but not under the current rules, and back. */
  readonly breachesGained: readonly InstanceChange[];
  readonly breachesLost: readonly InstanceChange[];
  readonly policySwitches: readonly PolicySwitch[];
  readonly objectives: readonly { readonly objective: SlaObjective; readonly current: ObjectiveStatus; readonly draft: ObjectiveStatus }[];
}

/** Code-unit order, the same on every machine (locale collation is not). */
const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Breached or met late: the instance missed its target. */
export const missedTarget = (r: ReportRecord) => r.status === 'breached' || r.status === 'met_late';
export const byInstance = (a: InstanceChange, b: InstanceChange) => order(a.ticketId, b.ticketId) || order(a.metric, b.metric) || a.instance - b.instance;
export const bySwitchTicket = (a: PolicySwitch, b: PolicySwitch) => order(a.ticketId, b.ticketId);

/** Pairs the rows of both sides by key, ordered by key. */
export function sideBySide(current: readonly ComplianceRow[], draft: readonly ComplianceRow[], groupBy: readonly ReportDimension[]): SideBySide[] {
  const rows = new Map<string, { key: ComplianceRow['key']; current: ComplianceRow | null; draft: ComplianceRow | null }>();
  for (const [side, list] of [['current', current], ['draft', draft]] as const) {
    for (const row of list) {
      const id = JSON.stringify(groupBy.map((d) => row.key[d] ?? null));
      const entry = rows.get(id) ?? { key: row.key, current: null, draft: null };
      entry[side] = row;
      rows.set(id, entry);
    }
  }
  return [...rows.values()].sort((a, b) => compareKeys(a.key, b.key, groupBy));
}
