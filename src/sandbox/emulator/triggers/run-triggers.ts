import { applyTicketPatch, type FieldChange } from '../state/apply-ticket-patch';
import type { EmulatorState } from '../state/emulator-state';
import { toId } from '../state/input';
import type { TicketRecord, TriggerRecord, UserRecord } from '../state/records';
import { groupMemberIds } from '../state/users';
import { renderPlaceholders } from './placeholders';
import { readTriggerActions, type PendingMessage } from './trigger-actions';
import { conditionsHold, type UpdateContext } from './trigger-conditions';

export interface TriggerChange {
  readonly trigger: TriggerRecord;
  readonly change: FieldChange;
}
export interface TriggerNotification {
  readonly trigger: TriggerRecord;
  readonly subject: string;
  readonly body: string;
  readonly recipients: readonly UserRecord[];
}
export interface WebhookCall {
  readonly webhookId: string;
  readonly triggerId: number;
  readonly ticketId: number;
  readonly body: string;
}
export interface TriggerEffects {
  readonly fired: readonly TriggerRecord[];
  readonly changes: readonly TriggerChange[];
  readonly notifications: readonly TriggerNotification[];
  readonly webhookCalls: readonly WebhookCall[];
}

/**
 * Runs the account's triggers on a ticket that was just created or updated, as Zendesk does: active triggers in
 * position order; when one fires its actions change the ticket and the cycle starts again from the top, so later
 * triggers see those changes; each trigger fires at most once per update. Messages are rendered after the cycle,
 * on the final ticket, because Zendesk sends them once the update is saved.
 */
export function runTriggers(state: EmulatorState, ticket: TicketRecord, update: UpdateContext): TriggerEffects {
  const ordered = [...state.triggers.values()]
    .filter((trigger) => trigger.active)
    .sort((a, b) => a.position - b.position || a.id - b.id);
  const previous = new Map(update.previous);
  const fired: TriggerRecord[] = [];
  const changes: TriggerChange[] = [];
  const messages: { trigger: TriggerRecord; message: PendingMessage }[] = [];
  for (let next = findNext(); next; next = findNext()) {
    fired.push(next);
    const actions = readTriggerActions(state, next.actions, update.actor);
    for (const change of applyTicketPatch(state, ticket, actions.patch)) {
      if (!previous.has(change.field)) previous.set(change.field, change.previous);
      changes.push({ trigger: next, change });
    }
    for (const message of actions.messages) messages.push({ trigger: next, message });
  }
  return { fired, changes, ...renderMessages(state, ticket, update.actor, messages) };

  function findNext(): TriggerRecord | undefined {
    const context = { state, ticket, update: { ...update, previous } };
    return ordered.find((trigger) => !fired.includes(trigger) && conditionsHold(context, trigger.conditions));
  }
}

function renderMessages(
  state: EmulatorState,
  ticket: TicketRecord,
  actor: UserRecord,
  messages: readonly { trigger: TriggerRecord; message: PendingMessage }[],
): Pick<TriggerEffects, 'notifications' | 'webhookCalls'> {
  const context = { state, ticket, actor };
  const notifications: TriggerNotification[] = [];
  const webhookCalls: WebhookCall[] = [];
  for (const { trigger, message } of messages) {
    if (message.kind === 'webhook') {
      webhookCalls.push({
        webhookId: message.webhookId,
        triggerId: trigger.id,
        ticketId: ticket.id,
        body: renderPlaceholders(message.body, context, 'json'),
      });
      continue;
    }
    const recipients = resolveRecipients(state, ticket, actor, message);
    if (recipients.length === 0) continue;
    notifications.push({
      trigger,
      subject: renderPlaceholders(message.subject, context, 'text'),
      body: renderPlaceholders(message.body, context, 'text'),
      recipients,
    });
  }
  return { notifications, webhookCalls };
}

function resolveRecipients(
  state: EmulatorState,
  ticket: TicketRecord,
  actor: UserRecord,
  message: Extract<PendingMessage, { kind: 'user' | 'group' }>,
): UserRecord[] {
  const ids =
    message.kind === 'user'
      ? [userRecipient(ticket, actor, message.recipient)]
      : groupMemberIds(state, (message.recipient === 'group_id' ? ticket.groupId : toId(message.recipient)) ?? 0);
  return ids.flatMap((id) => {
    const user = id === null || id === undefined ? undefined : state.users.get(id);
    return user ? [user] : [];
  });
}

function userRecipient(ticket: TicketRecord, actor: UserRecord, recipient: string): number | null | undefined {
  // "requester_and_ccs" is what newer Zendesk triggers use; the emulator keeps no CCs, so it is the requester.
  if (recipient === 'requester_id' || recipient === 'requester_and_ccs') return ticket.requesterId;
  if (recipient === 'assignee_id') return ticket.assigneeId;
  if (recipient === 'current_user') return actor.id;
  return toId(recipient);
}
