import { isMeasured, METRIC_NAMES, type MeasuredState, type MetricName, type PauseReason, type TicketSlaAssessment } from '../../../core';
import { formatDuration, formatInstant, type SidebarFormat } from './sidebar-format';

/** The state an agent reads on a row, and its Garden tag colour. */
export type StateTone = 'on_track' | 'due_soon' | 'breached' | 'paused' | 'met' | 'met_late';

export const TONE_HUES: Readonly<Record<StateTone, string>> = {
  on_track: 'green',
  due_soon: 'yellow',
  breached: 'red',
  paused: 'grey',
  met: 'kale',
  met_late: 'orange',
};

export interface MetricRow {
  readonly metric: MetricName;
  readonly name: string;
  readonly tone: StateTone;
  /** The tag text ("On track", "Breached"). */
  readonly label: string;
  /** The countdown or outcome, e.g. "2 h 10 m 5 s business · due Tue 09:30 · 18 h 3 m calendar". */
  readonly detail: string;
}

export function toneOf(state: MeasuredState): StateTone {
  switch (state.kind) {
    case 'active':
      return 'on_track';
    case 'due_soon':
    case 'breached':
    case 'paused':
    case 'met':
    case 'met_late':
      return state.kind;
  }
}

/** One row per metric the applied policy measures on this ticket, in the core's metric order. */
export function metricRows(assessment: TicketSlaAssessment, format: SidebarFormat): MetricRow[] {
  const rows: MetricRow[] = [];
  for (const metric of METRIC_NAMES) {
    const state = assessment.metrics[metric].state;
    if (!isMeasured(state)) continue;
    const tone = toneOf(state);
    rows.push({ metric, name: format.t(`metric.${metric}`), tone, label: format.t(`status.${tone}`), detail: describeState(state, format) });
  }
  return rows;
}

const SEPARATOR = ' · ';

export const pauseText = (reason: PauseReason, t: SidebarFormat['t']): string =>
  t(reason === 'pending' ? 'sidebar.paused_pending' : 'sidebar.paused_on_hold');

/** The countdown of a running clock, or what became of it. Business-hours targets also show calendar time. */
export function describeState(state: MeasuredState, format: SidebarFormat): string {
  const { t } = format;
  const business = state.target.hours === 'business';
  const remaining = state.remainingBusinessMinutes;
  const left = (minutes: number) => {
    const duration = formatDuration(minutes, t);
    if (business) return t(minutes < 0 ? 'sidebar.countdown.overdue_business' : 'sidebar.countdown.left_business', { duration });
    return t(minutes < 0 ? 'sidebar.overdue_by' : 'sidebar.countdown.left', { duration });
  };
  const calendar = (minutes: number | null) =>
    business && minutes !== null
      ? [t(minutes < 0 ? 'sidebar.countdown.overdue_calendar' : 'sidebar.countdown.left_calendar', { duration: formatDuration(minutes, t, { seconds: false }) })]
      : [];
  const at = (ms: number) => formatInstant(ms, format);
  switch (state.kind) {
    case 'active':
    case 'due_soon':
      return [left(remaining), t('sidebar.countdown.due_at', { time: at(state.dueAt) }), ...calendar(state.remainingCalendarMinutes)].join(SEPARATOR);
    case 'breached':
      return [
        left(remaining),
        t('sidebar.countdown.was_due_at', { time: at(state.dueAt) }),
        ...(state.pause ? [pauseText(state.pause.reason, t)] : calendar(state.remainingCalendarMinutes)),
      ].join(SEPARATOR);
    case 'paused':
      return [
        pauseText(state.reason, t),
        t(business ? 'sidebar.countdown.left_when_resumed_business' : 'sidebar.countdown.left_when_resumed', { duration: formatDuration(remaining, t, { seconds: false }) }),
      ].join(SEPARATOR);
    case 'met':
      return [t('sidebar.countdown.met_at', { time: at(state.fulfilledAt) }), t('sidebar.countdown.due_at', { time: at(state.dueAt) })].join(SEPARATOR);
    case 'met_late':
      return [t('sidebar.countdown.met_late_at', { time: at(state.fulfilledAt) }), t('sidebar.countdown.was_due_at', { time: at(state.dueAt) })].join(SEPARATOR);
  }
}

/** The states of the rows, for announcing a change (not every tick) to screen readers. */
export function rowStates(rows: readonly MetricRow[]): string {
  return rows.map((row) => `${row.metric}:${row.tone}`).join(' ');
}
