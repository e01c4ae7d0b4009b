import { DateTime } from 'luxon';
import { isMeasured, type MetricState } from '../../core/clock/metric-state';
import type { TicketSlaAssessment } from '../../core/clock/ticket-sla-assessment';
import { METRIC_NAMES } from '../../core/policy/metric-name';
import type { WritebackDesired, ZendeskSetup } from '../store/sla-store';
import type { ZendeskTicket } from '../zendesk/zendesk-json';
import { DUE_SOON_TAG, NOTIFIED_DUE_SOON_TAG, NOTIFIED_OUT_PREFIX, outTag } from './managed-tags';

/** The SLA status dropdown's words, most pressing first: the ticket shows the most pressing of its metrics. */
const STATUS_ORDER = ['breached', 'due_soon', 'on_track', 'paused', 'met'] as const;
type SlaStatusWord = (typeof STATUS_ORDER)[number];

/** The audiences of the Out-of-SLA email triggers; each marks its sent email with `sla_notified_out_<audience>`. */
export const OUT_AUDIENCES = ['requester', 'assignee', 'group', 'addresses'] as const;

/**
 * What the ticket should show of its SLA: every field of ours with its value (null clears it), the tags that must
 * be there, and the managed tags that must not. A full state, not a diff, so writing it twice changes nothing and
 * comparing it with what Zendesk shows tells whether a write is needed at all.
 *
 * Tags: `sla_out_<metric>` while that metric is breached and still running, `sla_due_soon` while any is due soon.
 * When none is out of SLA any more, the triggers' `sla_notified_out_*` marks go too (and `sla_notified_due_soon`
 * with `sla_due_soon`), so the next breach emails again.
 */
export function slaWriteback(assessment: TicketSlaAssessment, setup: ZendeskSetup): WritebackDesired {
  const fields: Record<string, string | null> = {};
  const set = (identifier: string, value: string | null) => {
    const fieldId = setup.fieldIds[identifier];
    if (fieldId !== undefined) fields[fieldId] = value;
  };
  const states = METRIC_NAMES.map((metric) => [metric, assessment.metrics[metric].state] as const);
  set('sla_policy', assessment.policy.kind === 'selected' ? assessment.policy.policy.title : null);
  const status = mostPressing(states.map(([, state]) => statusWordOf(state)));
  set('sla_status', status === null ? null : `sla_status_${status}`);
  const running = states.flatMap(([metric, state]) => (runningDueAt(state) === null ? [] : [[metric, runningDueAt(state) as number] as const]));
  set('sla_next_due_at', running.length === 0 ? null : iso(Math.min(...running.map(([, due]) => due))));
  for (const [metric, state] of states) {
    const due = runningDueAt(state);
    set(`sla_due_${metric}`, due === null ? null : iso(due));
  }

  const out = states.filter(([, state]) => state.kind === 'breached' && state.pause === null).map(([metric]) => outTag(metric));
  const dueSoon = states.some(([, state]) => state.kind === 'due_soon');
  const addTags = [...out, ...(dueSoon ? [DUE_SOON_TAG] : [])];
  const removeTags = [
    ...METRIC_NAMES.map(outTag).filter((tag) => !out.includes(tag)),
    ...(dueSoon ? [] : [DUE_SOON_TAG, NOTIFIED_DUE_SOON_TAG]),
    ...(out.length > 0 ? [] : OUT_AUDIENCES.map((audience) => `${NOTIFIED_OUT_PREFIX}${audience}`)),
  ];
  return { customFields: fields, addTags, removeTags };
}

/** True when Zendesk already shows `desired`: the write would change nothing, so it is not made. */
export function ticketShows(ticket: Pick<ZendeskTicket, 'custom_fields' | 'tags'>, desired: WritebackDesired): boolean {
  const values = new Map(ticket.custom_fields.map((f) => [f.id, f.value]));
  const tags = new Set(ticket.tags);
  return (
    Object.entries(desired.customFields).every(([fieldId, value]) => (values.get(fieldId) ?? null) === value) &&
    [...desired.addTags, ...(desired.onceTags ?? [])].every((tag) => tags.has(tag)) &&
    desired.removeTags.every((tag) => !tags.has(tag))
  );
}

/** The same state (the stamp aside): nothing to write since the last time. */
export function sameWriteback(a: WritebackDesired | null, b: WritebackDesired): boolean {
  // Once tags are an event to send, never a state that is already shown.
  if (a === null || (b.onceTags?.length ?? 0) > 0) return false;
  const fields = (d: WritebackDesired) => JSON.stringify(Object.entries(d.customFields).sort(([x], [y]) => (x < y ? -1 : 1)));
  const tags = (list: readonly string[]) => [...list].sort().join(' ');
  return fields(a) === fields(b) && tags(a.addTags) === tags(b.addTags) && tags(a.removeTags) === tags(b.removeTags);
}

function statusWordOf(state: MetricState): SlaStatusWord | null {
  if (!isMeasured(state)) return null;
  switch (state.kind) {
    case 'breached':
      return 'breached';
    case 'due_soon':
      return 'due_soon';
    case 'active':
      return 'on_track';
    case 'paused':
      return 'paused';
    case 'met':
    case 'met_late':
      return 'met';
  }
}

function mostPressing(words: readonly (SlaStatusWord | null)[]): SlaStatusWord | null {
  for (const word of STATUS_ORDER) if (words.includes(word)) return word;
  return null;
}

/** The due time of a clock that is still running (overdue included); a paused or finished clock has none. */
function runningDueAt(state: MetricState): number | null {
  if (state.kind === 'active' || state.kind === 'due_soon') return state.dueAt;
  if (state.kind === 'breached' && state.pause === null) return state.dueAt;
  return null;
}

/** ISO-8601 in UTC to the second, as the text fields promise (`2026-03-02T09:30:00Z`). */
const iso = (millis: number): string => DateTime.fromMillis(millis, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;
