/**
 * A small, real SLA world for the sidebar's specs: a Warsaw office schedule (Mon–Fri 09:00–17:00), a catch-all
 * "Standard" policy and a more specific "Urgent" one, and ticket 42 written in on Monday 2026-03-02 at 09:30
 * Warsaw (08:30Z). States come from the core itself, at explicit instants; nothing is hand-built.
 */
import type { TicketEvent, TicketSnapshot } from '../../../../src/core';
import { compileInputs, type LiveInputs } from '../../../../src/app/locations/ticket-sidebar/live-sla';
import type { TicketSlaInputs } from '../../../../src/app/sla-server/ticket-sla';

export const ZONE = 'Europe/Warsaw';
/** Warsaw wall clock on Monday 2026-03-02 (UTC+1) as epoch millis. */
export const monday = (hhmm: string) => Date.parse(`2026-03-02T${hhmm}:00+01:00`);
export const CREATED = monday('09:30');

export const aTicket = (overrides: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  id: '42', status: 'new', priority: 'normal', type: null, groupId: null, assigneeId: null, brandId: null, organizationId: null,
  ticketFormId: null, requesterEmail: 'ana@example.com', tags: [], via: 'web', customFields: {}, ...overrides,
});

const OFFICE = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, [['09:00', '17:00']]] as const);

export function slaInputs(history: readonly TicketEvent[] = [created()]): TicketSlaInputs {
  return {
    history,
    schedules: { office: { timeZone: ZONE, week: Object.fromEntries(OFFICE) } },
    policies: [
      {
        id: 'standard', title: 'Standard', description: '', position: 1, active: true, filter: { all: [], any: [] },
        targets: [
          { metric: 'first_reply_time', priority: 'any', targetMinutes: 120, hours: 'business', scheduleId: 'office', warnMinutesBefore: 15 },
          { metric: 'requester_wait_time', priority: 'any', targetMinutes: 480, hours: 'business', scheduleId: 'office' },
          { metric: 'total_resolution_time', priority: 'any', targetMinutes: 1440, hours: 'calendar' },
        ],
      },
      {
        id: 'urgent', title: 'Urgent', description: '', position: 2, active: true,
        filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] },
        targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId: 'office' }],
      },
    ],
  };
}

export const created = (overrides: Partial<TicketSnapshot> = {}): TicketEvent => ({ type: 'created', at: CREATED, ticket: aTicket(overrides) });
export const agentReply = (at: number): TicketEvent => ({ type: 'comment', at, public: true, authorRole: 'agent' });

export const liveInputs = (history?: readonly TicketEvent[]): LiveInputs => compileInputs(slaInputs(history));
