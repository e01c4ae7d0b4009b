import { parseIsoInstant, toEpochSeconds } from '../clock/zendesk-time';
import type { WebhookCall } from '../triggers/run-triggers';
import type { UpdateContext } from '../triggers/trigger-conditions';
import { notFound, recordInvalid, updateConflict } from './api-error';
import { applyTicketPatch, type FieldChange } from './apply-ticket-patch';
import type { EmulatorState } from './emulator-state';
import type { JsonObject } from './input';
import type { AuditRecord, TicketRecord, UserRecord, Via } from './records';
import { saveAudit } from './ticket-audit';
import { readTicketPatch, type TicketPatch } from './ticket-patch';
import { isAgent } from './users';

export interface WriteContext {
  readonly state: EmulatorState;
  readonly nowMs: number;
  /** The authenticated user: the audit's author and the triggers' `current_user`. */
  readonly actor: UserRecord;
  /** How the change came in; API unless an automation made it. */
  readonly via?: Via;
}

/** The saved ticket, its new audit (null when the write changed nothing) and the webhook calls triggers made. */
export interface TicketWriteResult {
  readonly ticket: TicketRecord;
  readonly audit: AuditRecord | null;
  readonly webhookCalls: readonly WebhookCall[];
}


/**
 * PUT /tickets/{id}. With `safe_update` and `updated_stamp` it refuses (409) when the ticket's updated_at is not
 * the stamp, which is how a client learns that someone else changed the ticket since it read it.
 */
export function updateTicket(ctx: WriteContext, ticketId: number, input: JsonObject): TicketWriteResult {
  const ticket = requireWritableTicket(ctx.state, ticketId);
  checkSafeUpdate(ticket, input);
  return updateWithPatch(ctx, ticket, readTicketPatch(ctx.state, input, ctx.actor.id));
}

/** Applies an already-read patch: the path shared by ticket updates, tag endpoints and update_many jobs. */
export function updateWithPatch(ctx: WriteContext, ticket: TicketRecord, patch: TicketPatch): TicketWriteResult {
  const { state, actor } = ctx;
  checkStatusMove(ticket, patch);
  const changed = applyTicketPatch(state, ticket, patch);
  changed.push(...applyImplicitChanges(state, ticket, patch, actor));
  if (changed.length === 0 && !patch.comment) return { ticket, audit: null, webhookCalls: [] };
  const update: UpdateContext = {
    type: 'Change',
    actor,
    previous: new Map(changed.map((change) => [change.field, change.previous])),
    ...(patch.comment ? { comment: { public: patch.comment.public } } : {}),
    via: ctx.via?.channel ?? 'api',
  };
  return saveAudit(ctx, ticket, { created: [], changed, comment: patch.comment, update });
}

export function requireWritableTicket(state: EmulatorState, ticketId: number): TicketRecord {
  const ticket = state.tickets.get(ticketId);
  if (!ticket) throw notFound();
  if (ticket.status === 'closed') {
    throw recordInvalid({ status: [{ description: 'Status: closed prevents ticket update', error: 'InvalidValue' }] });
  }
  return ticket;
}

/** Zendesk compares at second precision; a safe update without a stamp is refused rather than silently unsafe. */
export function checkSafeUpdate(ticket: TicketRecord, input: JsonObject): void {
  if (input.safe_update === undefined && input.updated_stamp === undefined) return;
  const stamp = parseIsoInstant(input.updated_stamp);
  if (stamp === undefined) {
    throw recordInvalid({ updated_stamp: [{ description: 'Updated stamp: must be an ISO-8601 time for safe updates', error: 'InvalidValue' }] });
  }
  if (toEpochSeconds(stamp) !== toEpochSeconds(ticket.updatedAt)) throw updateConflict();
}

/**
 * Status changes Zendesk makes by itself: a new ticket opens once assigned; a pending or solved ticket reopens when
 * an end user (the requester replying) comments; a ticket solved by an agent without assignee goes to that agent.
 * On-hold is internal and stays on hold when the requester replies.
 */
function applyImplicitChanges(state: EmulatorState, ticket: TicketRecord, patch: TicketPatch, actor: UserRecord): FieldChange[] {
  const changes: FieldChange[] = [];
  const setStatus = (status: TicketRecord['status']): void => {
    changes.push({ field: 'status', value: status, previous: ticket.status });
    ticket.status = status;
  };
  const endUserComment = patch.comment !== undefined && !isAgent(state.users.get(patch.comment.authorId));
  if (patch.status === undefined && endUserComment && (ticket.status === 'pending' || ticket.status === 'solved')) setStatus('open');
  if (ticket.status === 'new' && patch.status === undefined && ticket.assigneeId !== null) setStatus('open');
  if (ticket.status === 'solved' && ticket.assigneeId === null && isAgent(actor)) {
    changes.push({ field: 'assignee_id', value: String(actor.id), previous: null });
    ticket.assigneeId = actor.id;
  }
  return changes;
}

/** Once a ticket has left New it never returns to it. */
function checkStatusMove(ticket: TicketRecord, patch: TicketPatch): void {
  if (patch.status === 'new' && ticket.status !== 'new') {
    throw recordInvalid({ status: [{ description: 'Status: cannot be changed back to New', error: 'InvalidValue' }] });
  }
}
