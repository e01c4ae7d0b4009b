import { DateTime } from 'luxon';
import type { MetricName } from '../../../../src/core/policy/metric-name';
import type { PolicyTarget, SlaPolicy } from '../../../../src/core/policy/sla-policy';
import type { Condition } from '../../../../src/core/policy/ticket-filter';
import type { ScheduleSpec, Weekday } from '../../../../src/core/schedule/schedule-spec';
import type { Priority, TicketSnapshot } from '../../../../src/core/ticket/ticket-snapshot';

/*
 * Stand-ins for what the clock needs from src/core/policy and src/core/schedule, used by the clock specs (and the
 * policy choice by the bench) only while those areas do not export it yet (issue #2): the real exports win as soon
 * as they exist. Simple and slow on purpose: conditions with `is`/`includes` only; business time walks day by day.
 */

function holds(ticket: TicketSnapshot, c: Condition): boolean {
  const value = c.field.startsWith('custom_fields_')
    ? ticket.customFields[c.field.slice('custom_fields_'.length)]
    : ({ tags: ticket.tags, priority: ticket.priority, status: ticket.status, group_id: ticket.groupId } as Record<string, unknown>)[c.field];
  if (c.operator === 'includes') return (c.value as string[]).some((v) => (value as string[]).includes(v));
  return value === c.value;
}

export function selectPolicy(policies: readonly SlaPolicy[], ticket: TicketSnapshot) {
  let best: { policy: SlaPolicy; specificity: number } | null = null;
  for (const policy of [...policies].sort((a, b) => a.position - b.position)) {
    if (!policy.active || !policy.filter.all.every((c) => holds(ticket, c))) continue;
    if (policy.filter.any.length > 0 && !policy.filter.any.some((c) => holds(ticket, c))) continue;
    const specificity = policy.filter.all.length + (policy.filter.any.length > 0 ? 1 : 0);
    if (!best || specificity > best.specificity) best = { policy, specificity };
  }
  return best ? { kind: 'selected' as const, ...best, reason: 'stand-in', considered: [] } : { kind: 'none' as const, considered: [] };
}

export function targetFor(policy: SlaPolicy, metric: MetricName, priority: Priority | null): PolicyTarget | null {
  const mine = policy.targets.filter((t) => t.metric === metric);
  return mine.find((t) => t.priority === priority) ?? mine.find((t) => t.priority === 'any') ?? null;
}

interface StandInSchedule {
  readonly spec: ScheduleSpec | null;
  readonly days: Map<string, Array<[number, number]>>;
}

const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const CALENDAR_SCHEDULE: StandInSchedule = { spec: null, days: new Map() };
export const createSchedule = (spec: ScheduleSpec): StandInSchedule => ({ spec, days: new Map() });

function dayIntervals(schedule: StandInSchedule, date: DateTime): Array<[number, number]> {
  const key = date.toISODate() as string;
  const cached = schedule.days.get(key);
  if (cached) return cached;
  const spec = schedule.spec as ScheduleSpec;
  const out: Array<[number, number]> = [];
  if (!(spec.holidays ?? []).some((h) => h === key || h === key.slice(5))) {
    for (const [a, b] of spec.exceptions?.[key] ?? spec.week?.[WEEKDAYS[date.weekday - 1] as Weekday] ?? []) {
      const [ah, am] = a.split(':').map(Number) as [number, number];
      const [bh, bm] = b.split(':').map(Number) as [number, number];
      const start = date.set({ hour: ah, minute: am }).toMillis();
      let end = bh === 24 ? date.plus({ days: 1 }).toMillis() : date.set({ hour: bh, minute: bm }).toMillis();
      if (end <= start) end = date.plus({ days: 1 }).set({ hour: bh, minute: bm }).toMillis();
      out.push([start, end]);
    }
  }
  schedule.days.set(key, out);
  return out;
}

function intervalsFrom(schedule: StandInSchedule, from: number, direction: 1 | -1): Array<[number, number]> {
  let day = DateTime.fromMillis(from, { zone: (schedule.spec as ScheduleSpec).timeZone }).startOf('day').minus({ days: direction });
  const out: Array<[number, number]> = [];
  for (let i = 0; i < 400; i++, day = day.plus({ days: direction })) out.push(...dayIntervals(schedule, day));
  return out.sort((x, y) => x[0] - y[0]);
}

export function businessMillisBetween(schedule: StandInSchedule, a: number, b: number): number {
  if (schedule.spec === null) return b - a;
  if (b < a) return -businessMillisBetween(schedule, b, a);
  let total = 0;
  let day = DateTime.fromMillis(a, { zone: schedule.spec.timeZone }).startOf('day').minus({ days: 1 });
  for (; day.toMillis() < b; day = day.plus({ days: 1 })) {
    for (const [s, e] of dayIntervals(schedule, day)) total += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return total;
}

export function addBusinessMillis(schedule: StandInSchedule, from: number, millis: number): number {
  if (schedule.spec === null) return from + millis;
  let left = millis;
  for (const [s, e] of intervalsFrom(schedule, from, 1)) {
    if (e <= from) continue;
    const start = Math.max(s, from);
    if (e - start >= left) return start + left;
    left -= e - start;
  }
  throw new Error('stand-in: no open time within 400 days');
}

export function subtractBusinessMillis(schedule: StandInSchedule, from: number, millis: number): number {
  if (schedule.spec === null) return from - millis;
  let left = millis;
  for (const [s, e] of intervalsFrom(schedule, from, -1).reverse()) {
    if (s >= from) continue;
    const end = Math.min(e, from);
    if (end - s >= left) return end - left;
    left -= end - s;
  }
  throw new Error('stand-in: no open time within 400 days');
}

