import type { PolicyTarget } from '../../../src/core/policy/sla-policy';
import type { MetricName } from '../../../src/core/policy/metric-name';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import type { Priority, TicketSnapshot, TicketStatus } from '../../../src/core/ticket/ticket-snapshot';
import { toEpochMillis } from '../../../src/core/time/instant';
import { aTicket } from '../../support/a-ticket';

/**
 * Terse builders for ticket histories in clock specs: every instant is an ISO string with its offset, as the
 * cases read; the builders turn them into the epoch millis the engine takes.
 */
export const at = (iso: string): number => toEpochMillis(iso);

export const created = (iso: string, ticket: Partial<TicketSnapshot> = {}): TicketEvent => ({
  type: 'created',
  at: at(iso),
  ticket: aTicket({ status: 'new', priority: 'normal', ...ticket }),
});

export const endUserComment = (iso: string, isPublic = true): TicketEvent => ({
  type: 'comment',
  at: at(iso),
  public: isPublic,
  authorRole: 'end_user',
});

export const agentComment = (iso: string, isPublic = true): TicketEvent => ({
  type: 'comment',
  at: at(iso),
  public: isPublic,
  authorRole: 'agent',
});

export const statusChange = (iso: string, from: TicketStatus, to: TicketStatus): TicketEvent => ({
  type: 'status_changed',
  at: at(iso),
  from,
  to,
});

export const priorityChange = (iso: string, from: Priority | null, to: Priority | null): TicketEvent => ({
  type: 'priority_changed',
  at: at(iso),
  from,
  to,
});

export const tagsChange = (iso: string, added: string[], removed: string[] = []): TicketEvent => ({
  type: 'tags_changed',
  at: at(iso),
  added,
  removed,
});

/** A calendar target for any priority, unless told otherwise. */
export const target = (metric: MetricName, targetMinutes: number, extra: Partial<PolicyTarget> = {}): PolicyTarget => ({
  metric,
  priority: 'any',
  targetMinutes,
  hours: 'calendar',
  ...extra,
});

/** Epoch millis as ISO in a fixed offset, so failing expectations read like the cases. */
export const iso = (ms: number | null | undefined, offset = '+01:00'): string | null => {
  if (ms === null || ms === undefined) return null;
  const sign = offset.startsWith('-') ? -1 : 1;
  const [h, m] = offset.slice(1).split(':').map(Number) as [number, number];
  const shifted = new Date(ms + sign * (h * 60 + m) * 60_000).toISOString().slice(0, 19);
  return `${shifted}${offset}`;
};
