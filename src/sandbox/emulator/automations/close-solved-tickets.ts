import type { EmulatorState } from '../state/emulator-state';
import type { UserRecord, Via } from '../state/records';
import { updateWithPatch } from '../state/ticket-writes';
import type { WebhookCall } from '../triggers/run-triggers';

/** Zendesk's default automation, active in every new account. Its id is the emulator's; Zendesk's differs per account. */
export const CLOSE_SOLVED_AUTOMATION = { id: 45_001, title: 'Close ticket 4 days after status is set to solved' } as const;
export const CLOSE_SOLVED_AFTER_MS = 96 * 3_600_000;

/** Automations act as Zendesk itself: user id -1 in audits. */
const ZENDESK_SYSTEM_USER: UserRecord = {
  id: -1,
  name: 'Zendesk',
  email: 'noreply@zendesk.com',
  role: 'admin',
  organizationId: null,
  defaultGroupId: null,
  timeZone: 'UTC',
  locale: 'en-US',
  createdAt: 0,
  updatedAt: 0,
};

const AUTOMATION_VIA: Via = {
  channel: 'rule',
  source: { from: { ...CLOSE_SOLVED_AUTOMATION, deleted: false }, to: {}, rel: 'automation' },
};

/**
 * One hourly run of the default automation: closes every ticket solved at least `afterMs` ago. Closed tickets
 * refuse updates, so a client that writes to old solved tickets must expect a 422 once this has run. Triggers run
 * on the change, as they do after any automation. Returns the webhook calls they made.
 */
export function closeSolvedTickets(state: EmulatorState, nowMs: number, afterMs = CLOSE_SOLVED_AFTER_MS): WebhookCall[] {
  const due = [...state.tickets.values()].filter(
    (ticket) => ticket.status === 'solved' && ticket.solvedAt !== null && ticket.solvedAt + afterMs <= nowMs,
  );
  return due.flatMap(
    (ticket) =>
      updateWithPatch({ state, nowMs, actor: ZENDESK_SYSTEM_USER, via: AUTOMATION_VIA }, ticket, { status: 'closed' }).webhookCalls,
  );
}
