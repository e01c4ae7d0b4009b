import { parseIsoInstant, toEpochSeconds } from '../clock/zendesk-time';
import type { WebhookCall } from '../triggers/run-triggers';
import type { UpdateContext } from '../triggers/trigger-conditions';
import { notFound, recordInvalid, updateConflict } from './api-error';
import { applyTicketPatch, type FieldChange } from './apply-ticket-patch';
import { nextId, type EmulatorState } from './emulator-state';
import { isJsonObject, toId, type JsonObject } from './input';
import type { AuditRecord, TicketRecord, UserRecord, Via } from './records';
import { saveAudit } from './ticket-audit';
import { readTicketPatch, type TicketPatch } from './ticket-patch';
import { createUser, findUserByEmail, isAgent } from './users';

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

/** Every Zendesk account has a default brand, and every ticket belongs to a brand. */
export const DEFAULT_BRAND_ID = 90_001;

const API_VIA: Via = { channel: 'api', source: { from: {}, to: {}, rel: null } };
const CREATE_FIELDS = ['subject', 'status', 'priority', 'type', 'requester_id', 'assignee_id', 'group_id', 'organization_id'];

/** POST /tickets: a ticket needs a first comment (its description), as in Zendesk. */
export function createTicket(ctx: WriteContext, input: JsonObject): TicketWriteResult {
  const { state, nowMs, actor } = ctx;
  const requesterId = resolveRequester(ctx, input);
  const patch = readTicketPatch(state, { ...input, requester_id: requesterId }, actor.id);
  if (!patch.comment) throw recordInvalid({ description: [{ description: 'Description: cannot be blank', error: 'BlankValue' }] });
  const requester = state.users.get(requesterId);
  const ticket: TicketRecord = {
    id: nextId(state, 'ticket'),
    subject: '',
    description: patch.comment.body,
    status: 'new',
    priority: null,
    type: null,
    requesterId,
    submitterId: actor.id,
    assigneeId: null,
    groupId: null,
    organizationId: requester?.organizationId ?? null,
    brandId: DEFAULT_BRAND_ID,
    ticketFormId: null,
    externalId: null,
    tags: [],
    customFields: new Map(),
    isPublic: patch.comment.public,
    via: readVia(input.via),
    createdAt: nowMs,
    updatedAt: nowMs,
    generatedAt: nowMs,
    solvedAt: null,
  };
  applyTicketPatch(state, ticket, { ...patch, status: patch.status ?? (patch.assigneeId ? 'open' : 'new') });
  if (ticket.assigneeId !== null && ticket.groupId === null) ticket.groupId = state.users.get(ticket.assigneeId)?.defaultGroupId ?? null;
  state.tickets.set(ticket.id, ticket);
  state.audits.set(ticket.id, []);
  const created = createdFields(ticket);
  const update: UpdateContext = {
    type: 'Create',
    actor,
    previous: new Map(created.map((change) => [change.field, null])),
    comment: { public: patch.comment.public },
    via: ticket.via.channel,
  };
  return saveAudit(ctx, ticket, { created, changed: [], comment: patch.comment, update });
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

/** Create events list the fields a new ticket was given (Zendesk leaves out those left empty). */
function createdFields(ticket: TicketRecord): FieldChange[] {
  const values: Record<string, unknown> = {
    subject: ticket.subject, status: ticket.status, priority: ticket.priority, type: ticket.type,
    requester_id: ticket.requesterId, assignee_id: ticket.assigneeId, group_id: ticket.groupId, organization_id: ticket.organizationId,
  };
  const fields = CREATE_FIELDS.filter((field) => values[field] !== null && values[field] !== '').map((field) => ({
    field, value: String(values[field]), previous: null,
  }));
  const custom = [...ticket.customFields].filter(([, value]) => value !== null && value !== false).map(([id, value]) => ({
    field: String(id), value: value === true ? '1' : String(value), previous: null,
  }));
  const tags = ticket.tags.length > 0 ? [{ field: 'tags', value: [...ticket.tags], previous: null }] : [];
  return [...fields, ...custom, ...tags];
}

/** `requester: {email, name}` finds or creates that end user; otherwise requester_id, else the acting user. */
function resolveRequester(ctx: WriteContext, input: JsonObject): number {
  const requester = input.requester;
  if (!isJsonObject(requester) || typeof requester.email !== 'string') {
    if (input.requester_id === undefined) return ctx.actor.id;
    const id = toId(input.requester_id);
    if (id === undefined || !ctx.state.users.has(id)) {
      throw recordInvalid({ requester: [{ description: 'Requester: is invalid', error: 'InvalidValue' }] });
    }
    return id;
  }
  const existing = findUserByEmail(ctx.state, requester.email);
  if (existing) return existing.id;
  const name = typeof requester.name === 'string' && requester.name !== '' ? requester.name : requester.email;
  return createUser(ctx.state, { name, email: requester.email, role: 'end-user' }, ctx.nowMs).id;
}

function readVia(raw: unknown): Via {
  const channel = isJsonObject(raw) ? raw.channel : undefined;
  const allowed = ['api', 'web', 'email', 'mobile', 'sample_ticket'] as const;
  const known = allowed.find((c) => c === channel);
  return known ? { channel: known, source: { from: {}, to: {}, rel: null } } : API_VIA;
}
