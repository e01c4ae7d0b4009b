import { DateTime } from 'luxon';
import type { ChangeableField, CommentAuthorRole, TicketEvent } from '../../core/ticket/ticket-event';
import {
  PRIORITIES,
  TICKET_STATUSES,
  TICKET_TYPES,
  type CustomFieldValue,
  type Priority,
  type TicketSnapshot,
  type TicketStatus,
  type TicketType,
} from '../../core/ticket/ticket-snapshot';
import type { SourcedTicketEvent } from '../store/sla-store';
import type { ZendeskAudit, ZendeskAuditEvent, ZendeskTicket } from '../zendesk/zendesk-json';
import { isManagedTag } from './managed-tags';

/** What the mapping needs to know about the people in the audits. */
export interface KnownUser {
  readonly role: CommentAuthorRole;
  readonly email: string | null;
}

export interface HistoryInput {
  /** The ticket as Zendesk shows it now: the values of fields that never changed since creation. */
  readonly ticket: ZendeskTicket;
  /** Every audit, oldest first. */
  readonly audits: readonly ZendeskAudit[];
  readonly users: ReadonlyMap<string, KnownUser>;
  /** Our own custom fields: their changes are our write-backs, not the ticket's history. */
  readonly ownFieldIds: ReadonlySet<string>;
}

/** Audit field names that map to a snapshot field through `field_changed`. */
const CHANGEABLE: Readonly<Record<string, ChangeableField>> = {
  type: 'type',
  group_id: 'groupId',
  assignee_id: 'assigneeId',
  brand_id: 'brandId',
  organization_id: 'organizationId',
  ticket_form_id: 'ticketFormId',
};

/**
 * A ticket's history as the core reads it, from Zendesk's audits: the first audit becomes `created` (with the
 * values its Create events set, and, for fields no audit ever changed, the values the ticket has now), every later
 * Change and Comment becomes an event at its audit's time. Each event has a stable source id
 * (`audit:<audit id>:<event id>`), so mapping the same audits again appends nothing. Our own fields and tags are
 * left out: what the server writes must not count as something that happened to the ticket.
 */
export function historyOfAudits(input: HistoryInput): SourcedTicketEvent[] {
  const [first, ...rest] = input.audits;
  if (!first) return [];
  const changedLater = fieldsChangedIn(rest);
  const events: SourcedTicketEvent[] = [
    { sourceId: `audit:${first.id}:created`, event: { type: 'created', at: auditTime(first), ticket: createdSnapshot(input, first, changedLater) } },
  ];
  for (const event of first.events) {
    if (event.type === 'Comment') events.push(commentOf(first, event, input.users));
  }
  for (const audit of rest) {
    for (const event of audit.events) {
      const mapped = eventOf(audit, event, input);
      if (mapped) events.push({ sourceId: `audit:${audit.id}:${event.id}`, event: mapped });
    }
  }
  return events;
}

/**
 * True when the audit holds something of the ticket's history: a comment, or a change other than to our own fields
 * and tags (a trigger reacting to our tags with a change of its own, say). An audit of only our write-back and its
 * email notifications is not history.
 */
export function auditChangesHistory(audit: ZendeskAudit, input: Pick<HistoryInput, 'ticket' | 'ownFieldIds'>): boolean {
  const context: HistoryInput = { ...input, audits: [], users: new Map() };
  return audit.events.some((event) => event.type === 'Comment' || eventOf(audit, event, context) !== null);
}

/** The ticket as Zendesk shows it, as a snapshot (our own fields and tags left out). */
export function snapshotOfTicket(ticket: ZendeskTicket, requesterEmail: string | null, ownFieldIds: ReadonlySet<string>): TicketSnapshot {
  const customFields: Record<string, CustomFieldValue> = {};
  for (const field of ticket.custom_fields) if (!ownFieldIds.has(field.id)) customFields[field.id] = field.value;
  return {
    id: ticket.id,
    status: ticket.status === 'deleted' ? 'closed' : ticket.status,
    priority: ticket.priority,
    type: ticket.type,
    groupId: ticket.group_id,
    assigneeId: ticket.assignee_id,
    brandId: ticket.brand_id,
    organizationId: ticket.organization_id,
    ticketFormId: ticket.ticket_form_id,
    requesterEmail,
    tags: ticket.tags.filter((tag) => !isManagedTag(tag)),
    via: ticket.via?.channel ?? null,
    customFields,
  };
}

export function auditTime(audit: ZendeskAudit): number {
  return DateTime.fromISO(audit.created_at, { zone: 'utc' }).toMillis();
}

function createdSnapshot(input: HistoryInput, first: ZendeskAudit, changedLater: ReadonlySet<string>): TicketSnapshot {
  const { ticket, users, ownFieldIds } = input;
  const now = snapshotOfTicket(ticket, ticket.requester_id ? (users.get(ticket.requester_id)?.email ?? null) : null, ownFieldIds);
  // A field that no later audit changed has had today's value since creation; the others start from their
  // Create event, or empty when the creation left them empty.
  const initial = (field: string, current: string | null): string | null => {
    if (!changedLater.has(field)) return current;
    const created = first.events.find((e) => e.type === 'Create' && e.field_name === field);
    return created ? textOf(created.value) : null;
  };
  const customFields: Record<string, CustomFieldValue> = {};
  for (const [fieldId, value] of Object.entries(now.customFields)) {
    if (!changedLater.has(fieldId)) customFields[fieldId] = value;
    else {
      const created = first.events.find((e) => e.type === 'Create' && e.field_name === fieldId);
      customFields[fieldId] = created ? customValueOf(created.value, value) : emptyLike(value);
    }
  }
  const createdTags = first.events.find((e) => e.type === 'Create' && e.field_name === 'tags');
  const requesterId = initial('requester_id', ticket.requester_id);
  return {
    ...now,
    status: changedLater.has('status') ? (statusOf(initial('status', null)) ?? 'new') : now.status,
    priority: priorityOf(initial('priority', now.priority)),
    type: typeOf(initial('type', now.type)),
    groupId: initial('group_id', now.groupId),
    assigneeId: initial('assignee_id', now.assigneeId),
    brandId: initial('brand_id', now.brandId),
    organizationId: initial('organization_id', now.organizationId),
    ticketFormId: initial('ticket_form_id', now.ticketFormId),
    requesterEmail: requesterId === ticket.requester_id ? now.requesterEmail : (requesterId ? (users.get(requesterId)?.email ?? null) : null),
    tags: changedLater.has('tags') ? listOf(createdTags?.value).filter((tag) => !isManagedTag(tag)) : now.tags,
    via: first.via?.channel ?? now.via,
    customFields,
  };
}

function fieldsChangedIn(audits: readonly ZendeskAudit[]): Set<string> {
  const fields = new Set<string>();
  for (const audit of audits) for (const event of audit.events) if (event.type === 'Change' && event.field_name) fields.add(event.field_name);
  return fields;
}

function eventOf(audit: ZendeskAudit, event: ZendeskAuditEvent, input: HistoryInput): TicketEvent | null {
  const at = auditTime(audit);
  if (event.type === 'Comment') return commentOf(audit, event, input.users).event;
  if (event.type !== 'Change' || !event.field_name) return null;
  const field = event.field_name;
  if (field === 'status') {
    const from = statusOf(textOf(event.previous_value));
    const to = statusOf(textOf(event.value));
    return from && to ? { type: 'status_changed', at, from, to } : null;
  }
  if (field === 'priority') return { type: 'priority_changed', at, from: priorityOf(textOf(event.previous_value)), to: priorityOf(textOf(event.value)) };
  if (field === 'tags') {
    const before = new Set(listOf(event.previous_value));
    const after = new Set(listOf(event.value));
    const added = [...after].filter((tag) => !before.has(tag) && !isManagedTag(tag));
    const removed = [...before].filter((tag) => !after.has(tag) && !isManagedTag(tag));
    return added.length > 0 || removed.length > 0 ? { type: 'tags_changed', at, added, removed } : null;
  }
  if (field === 'requester_id') {
    const email = (id: string | null) => (id ? (input.users.get(id)?.email ?? null) : null);
    return { type: 'field_changed', at, field: 'requesterEmail', from: email(textOf(event.previous_value)), to: email(textOf(event.value)) };
  }
  const changeable = CHANGEABLE[field];
  if (changeable) {
    const from = textOf(event.previous_value);
    const to = textOf(event.value);
    if (changeable === 'type') return { type: 'field_changed', at, field: 'type', from: typeOf(from), to: typeOf(to) };
    return { type: 'field_changed', at, field: changeable, from, to };
  }
  if (/^\d+$/.test(field) && !input.ownFieldIds.has(field)) {
    const current = input.ticket.custom_fields.find((f) => f.id === field)?.value ?? null;
    return { type: 'custom_field_changed', at, fieldId: field, from: customValueOf(event.previous_value, current), to: customValueOf(event.value, current) };
  }
  return null;
}

function commentOf(audit: ZendeskAudit, event: ZendeskAuditEvent, users: ReadonlyMap<string, KnownUser>): SourcedTicketEvent {
  const authorId = event.author_id ?? audit.author_id;
  // An author we could not look up is taken for an end user: a reply we cannot attribute must not stop a clock.
  const authorRole = authorId ? (users.get(authorId)?.role ?? 'end_user') : 'end_user';
  return {
    sourceId: `audit:${audit.id}:${event.id}`,
    event: { type: 'comment', at: auditTime(audit), public: event.public !== false, authorRole, ...(authorId ? { authorId } : {}) },
  };
}

/** Audit values are strings (ids too), arrays for tags and multiselects, null when empty. */
function textOf(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;
}

/** An audit's list value (tags, multiselect): an array, or the words of a string. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? value.split(' ') : [];
}

/** Audits carry checkboxes as "1"/"0" and numbers as text; the ticket's current value tells the field's kind. */
function customValueOf(value: unknown, hint: CustomFieldValue): CustomFieldValue {
  if (typeof hint === 'boolean') return value === '1' || value === true || value === 'true';
  if (Array.isArray(hint)) return listOf(value);
  if (typeof hint === 'number') {
    const number = Number(textOf(value));
    return textOf(value) === null || !Number.isFinite(number) ? null : number;
  }
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return textOf(value);
}

function emptyLike(value: CustomFieldValue): CustomFieldValue {
  if (typeof value === 'boolean') return false;
  return Array.isArray(value) ? [] : null;
}

const statusOf = (value: string | null): TicketStatus | null => ((TICKET_STATUSES as readonly string[]).includes(value ?? '') ? (value as TicketStatus) : null);
const priorityOf = (value: string | null): Priority | null => ((PRIORITIES as readonly string[]).includes(value ?? '') ? (value as Priority) : null);
const typeOf = (value: string | null): TicketType | null => ((TICKET_TYPES as readonly string[]).includes(value ?? '') ? (value as TicketType) : null);
