import type { UpdateContext } from '../triggers/trigger-conditions';
import { recordInvalid } from './api-error';
import { applyTicketPatch, type FieldChange } from './apply-ticket-patch';
import { nextId } from './emulator-state';
import { isJsonObject, toId, type JsonObject } from './input';
import type { TicketRecord, Via } from './records';
import { saveAudit } from './ticket-audit';
import { readTicketPatch } from './ticket-patch';
import type { TicketWriteResult, WriteContext } from './ticket-writes';
import { createUser, findUserByEmail } from './users';

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
