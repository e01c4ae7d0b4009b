import type { MetricName } from '../policy/metric-name';
import type { EpochMillis } from '../time/instant';
import { compareKeys, complianceReport, type ComplianceRow } from './compliance';
import { objectiveStatus, type ObjectiveStatus, type SlaObjective } from './objective';
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
const breaches = (r: ReportRecord) => r.status === 'breached' || r.status === 'met_late';
const instanceKey = (r: ReportRecord) => `${r.ticketId}\u0000${r.metric}\u0000${r.instance}`;
const byInstance = (a: InstanceChange, b: InstanceChange) =>
  order(a.ticketId, b.ticketId) || order(a.metric, b.metric) || a.instance - b.instance;

function sideBySide(current: readonly ReportRecord[], draft: readonly ReportRecord[], groupBy: readonly ReportDimension[]): SideBySide[] {
  const rows = new Map<string, { key: ComplianceRow['key']; current: ComplianceRow | null; draft: ComplianceRow | null }>();
  for (const [side, records] of [['current', current], ['draft', draft]] as const) {
    for (const row of complianceReport(records, { groupBy })) {
      const id = JSON.stringify(groupBy.map((d) => row.key[d] ?? null));
      const entry = rows.get(id) ?? { key: row.key, current: null, draft: null };
      entry[side] = row;
      rows.set(id, entry);
    }
  }
  return [...rows.values()].sort((a, b) => compareKeys(a.key, b.key, groupBy));
}

function changed(from: readonly ReportRecord[], to: readonly ReportRecord[]): InstanceChange[] {
  const breachedBefore = new Set(from.filter(breaches).map(instanceKey));
  return to
    .filter((r) => breaches(r) && !breachedBefore.has(instanceKey(r)))
    .map(({ ticketId, metric, instance }) => ({ ticketId, metric, instance }))
    .sort(byInstance);
}

export function compareBacktest(input: {
  readonly current: readonly ReportRecord[];
  readonly draft: readonly ReportRecord[];
  readonly switches: readonly PolicySwitch[];
  readonly tickets: number;
  readonly asOf: EpochMillis;
  readonly objectives: readonly SlaObjective[];
}): BacktestComparison {
  const { current, draft } = input;
  return {
    tickets: input.tickets,
    byPolicy: sideBySide(current, draft, ['policy', 'metric', 'priority']),
    byMetric: sideBySide(current, draft, ['metric', 'priority']),
    breachesGained: changed(current, draft),
    breachesLost: changed(draft, current),
    policySwitches: [...input.switches].sort((a, b) => order(a.ticketId, b.ticketId)),
    objectives: input.objectives.map((objective) => ({
      objective,
      current: objectiveStatus(objective, current, input.asOf),
      draft: objectiveStatus(objective, draft, input.asOf),
    })),
  };
}
