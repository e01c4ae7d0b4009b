import type { PolicyBody } from '../../src/server/store/sla-store';
import type { ScheduleSpec } from '../../src/core/schedule';
import type { TicketEvent } from '../../src/core/ticket/ticket-event';
import { PRIORITIES, type TicketStatus } from '../../src/core/ticket/ticket-snapshot';
import { aTicket } from './a-ticket';

const MINUTE = 60_000;

/** mulberry32: a seeded generator, so every run (spec or bench) sees the same tickets. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const OFFICE_HOURS: ScheduleSpec = {
  timeZone: 'Europe/Warsaw',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['2026-04-06'],
};

/** Three policies of the kinds admins write: urgent in business hours, a VIP organization, a calendar catch-all. */
export function generatedPolicies(scheduleId: string): PolicyBody[] {
  const business = { hours: 'business' as const, scheduleId };
  return [
    {
      title: 'Urgent',
      description: '',
      active: true,
      filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] },
      targets: [
        { metric: 'first_reply_time', priority: 'any', targetMinutes: 60, ...business },
        { metric: 'next_reply_time', priority: 'any', targetMinutes: 120, ...business },
        { metric: 'requester_wait_time', priority: 'any', targetMinutes: 480, ...business },
      ],
    },
    {
      title: 'VIP',
      description: '',
      active: true,
      filter: { all: [{ field: 'organization_id', operator: 'is', value: 'org-vip' }], any: [] },
      targets: [
        { metric: 'first_reply_time', priority: 'any', targetMinutes: 120, ...business },
        { metric: 'agent_work_time', priority: 'any', targetMinutes: 960, ...business },
      ],
    },
    {
      title: 'Standard',
      description: '',
      active: true,
      filter: { all: [], any: [] },
      targets: [
        { metric: 'first_reply_time', priority: 'any', targetMinutes: 480, hours: 'calendar' },
        { metric: 'next_reply_time', priority: 'any', targetMinutes: 720, hours: 'calendar' },
        { metric: 'total_resolution_time', priority: 'any', targetMinutes: 4320, hours: 'calendar' },
      ],
    },
  ];
}

/**
 * Ticket `i` of a generated month: created at a random minute after `start`, then 10–20 events a real ticket has
 * (customer comments, agent replies, pending/on-hold flips, a priority change, solved), minutes to hours apart.
 */
export function generatedHistory(i: number, start: number, spanMs: number): TicketEvent[] {
  const random = seeded(1000 + i);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  let at = start + Math.floor(random() * (spanMs / MINUTE)) * MINUTE;
  let status = 'new' as TicketStatus;
  let priority = pick(PRIORITIES);
  const events: TicketEvent[] = [
    {
      type: 'created',
      at,
      ticket: aTicket({ id: String(i), priority, groupId: `g${i % 5}`, assigneeId: `a${i % 12}`, organizationId: i % 7 === 0 ? 'org-vip' : null, via: pick(['email', 'web', 'chat']) }),
    },
  ];
  const moveTo = (to: TicketStatus) => {
    if (to !== status) events.push({ type: 'status_changed', at, from: status, to });
    status = to;
  };
  const count = 10 + Math.floor(random() * 11);
  while (events.length < count) {
    at += Math.floor(random() * 240 + 1) * MINUTE;
    const roll = random();
    if (roll < 0.35) {
      events.push({ type: 'comment', at, public: true, authorRole: 'agent' });
      moveTo(random() < 0.5 ? 'pending' : 'open');
    } else if (roll < 0.65) {
      events.push({ type: 'comment', at, public: true, authorRole: 'end_user' });
      if (status === 'pending' || status === 'solved') moveTo('open');
    } else if (roll < 0.75) {
      moveTo('hold');
    } else if (roll < 0.82) {
      const next = pick(PRIORITIES);
      if (next !== priority) events.push({ type: 'priority_changed', at, from: priority, to: next });
      priority = next;
    } else if (roll < 0.9) {
      events.push({ type: 'comment', at, public: false, authorRole: 'agent' });
    } else {
      moveTo('solved');
    }
  }
  return events;
}
