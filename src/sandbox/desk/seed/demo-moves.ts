import { createSchedule, isBusinessTimeAt, nextBusinessTimeAt, type ScheduleSpec } from '../../../core';
import type { ZendeskApi } from '../api/zendesk-api';
import type { TicketJson } from '../api/zendesk-json';
import type { SandboxSeed } from './seed-sandbox';

/**
 * Moves a demo story (the end-to-end test, the marketplace screenshots) makes after the seed: business-hours
 * countdowns stand still at night, so a story first brings the office to a working moment, then plays a customer
 * writing in and waits for the SLA server's write-back.
 */

/** How long a story wants the office open from where it starts (its countdowns must visibly tick). */
const STORY_OPEN_MS = 2 * 60 * 60_000;

/**
 * `nowMs` when the schedule is open then and still two hours later; else half an hour after it next opens past those
 * two hours (the clock only moves forward).
 */
export function workingMoment(spec: ScheduleSpec, nowMs: number): number {
  const schedule = createSchedule(spec);
  const probe = nowMs + STORY_OPEN_MS;
  if (isBusinessTimeAt(schedule, nowMs) && isBusinessTimeAt(schedule, probe)) return nowMs;
  return nextBusinessTimeAt(schedule, probe) + 30 * 60_000;
}

/** Sets the emulator clock to the office's next working moment, if it is not working now. */
export async function moveToWorkingMoment(admin: ZendeskApi, spec: ScheduleSpec): Promise<void> {
  const { now } = await admin.get<{ now: string }>('/__sandbox/clock');
  const at = workingMoment(spec, Date.parse(now));
  if (at > Date.parse(now)) await admin.post('/__sandbox/clock', { set: new Date(at).toISOString() });
}

/**
 * A customer outside the VIP organization writes in: an urgent ticket in Support, assigned to the desk's agent
 * (`seed.agents[0]`), so the Standard policy applies. Returns its id.
 */
export async function customerWritesIn(admin: ZendeskApi, seed: SandboxSeed, text: { subject: string; body: string }): Promise<number> {
  const customer = seed.customers.find((c) => c.organization_id !== seed.organizations.vip);
  const agent = seed.agents[0];
  if (!customer || !agent) throw new Error('the demo account has no customer outside VIP or no agent');
  const { ticket } = await admin.post<{ ticket: TicketJson }>('/tickets', {
    ticket: {
      subject: text.subject,
      comment: { body: text.body, public: true, author_id: customer.id },
      requester_id: customer.id,
      priority: 'urgent',
      group_id: seed.groups.support,
      assignee_id: agent.id,
    },
  });
  return ticket.id;
}

/** One of our ticket fields (a requirement identifier, e.g. `sla_status`) as Zendesk shows it now; null when unset. */
export async function slaFieldOf(admin: ZendeskApi, seed: SandboxSeed, ticketId: number, identifier: string): Promise<string | null> {
  const { ticket } = await admin.get<{ ticket: TicketJson }>(`/tickets/${ticketId}`);
  const value = ticket.custom_fields.find((f) => f.id === seed.requirements[identifier])?.value;
  return value === undefined || value === null ? null : String(value);
}

/** Reads until `accept` takes the value (the server writes back asynchronously); throws with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = await read();
  }
  return last;
}
