import type { TicketPriority, TicketStatus, ZafPathError, ZafRequirement, ZafTimeZone } from '../../../app/zaf/zaf-client';

/** The ticket the desk shows, in the shape ZAF hands it to apps. */
export interface HostTicket {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: string | null;
  tags: string[];
  /** Custom field id → value (as ZAF gives them: strings, or null). */
  customFields: Record<number, string | null>;
  updatedAt: string;
  createdAt?: string;
  /** `ticket.requester` and `ticket.assignee` as ZAF shapes them (a user; a user and a group). */
  requester?: HostPerson;
  assignee?: { user: HostPerson | null; group: { id: number; name: string } | null };
  organization?: { id: number; name: string } | null;
}

export interface HostPerson {
  readonly id: number;
  readonly name: string;
  readonly email?: string;
}

export interface HostUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly locale: string;
  readonly timeZone: ZafTimeZone;
  readonly role: string;
}

/** What the host answers `get`/`set` from: the open ticket (in ticket locations), the agent, the requirement ids. */
export interface HostModel {
  ticket?: HostTicket;
  readonly currentUser: HostUser;
  readonly requirements: Readonly<Record<string, ZafRequirement>>;
}

const CUSTOM_FIELD = /^ticket\.customField:custom_field_(\d+)$/;
const unavailable = (path: string): ZafPathError => ({ name: 'NotFound', message: 'is not available', path });

/** One path's value, or undefined if the model has no such thing (then `get` reports a per-path error). */
export function readPath(model: HostModel, path: string): unknown {
  const { ticket, currentUser } = model;
  const customField = CUSTOM_FIELD.exec(path);
  if (customField) {
    const id = Number(customField[1]);
    return ticket && id in ticket.customFields ? ticket.customFields[id] : undefined;
  }
  if (path.startsWith('requirement:')) return model.requirements[path.slice('requirement:'.length)];
  if (path === 'currentUser') return currentUser;
  if (path.startsWith('currentUser.')) return (currentUser as unknown as Record<string, unknown>)[path.slice(12)];
  if (path === 'ticket') return ticket;
  if (path.startsWith('ticket.') && ticket) return walk(ticket, path.slice(7).split('.'));
  return undefined;
}

/** `ticket.assignee.user.name` → ticket.assignee.user.name; undefined as soon as a step is missing. */
function walk(value: unknown, steps: readonly string[]): unknown {
  let current = value;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** The answer to `get([...paths])`: values by path, and errors for the paths the model cannot answer. */
export function answerGet(model: HostModel, paths: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const errors: Record<string, ZafPathError> = {};
  for (const path of paths) {
    const value = readPath(model, path);
    if (value === undefined) errors[path] = unavailable(path);
    else result[path] = value;
  }
  return { ...result, errors };
}

/** The ZAF events a change of `path` fires, e.g. `ticket.priority.changed` with the new value. */
export function changeEvents(path: string, value: unknown): Array<[string, unknown]> {
  const customField = CUSTOM_FIELD.exec(path);
  const name = customField ? `ticket.custom_field_${customField[1]}` : path;
  return [
    [`${name}.changed`, value],
    ['*.changed', { propertyName: name, newValue: value }],
  ];
}

const SETTABLE = new Set(['ticket.status', 'ticket.priority', 'ticket.type', 'ticket.subject', 'ticket.tags']);

/**
 * Applies `set({path: value})` as an agent's edit would: to the unsaved ticket. Returns the events to emit, and
 * errors for paths an app may not set.
 */
export function applySet(model: HostModel, changes: Readonly<Record<string, unknown>>) {
  const errors: Record<string, ZafPathError> = {};
  const events: Array<[string, unknown]> = [];
  for (const [path, value] of Object.entries(changes)) {
    const customField = CUSTOM_FIELD.exec(path);
    if (!model.ticket || (!customField && !SETTABLE.has(path))) {
      errors[path] = { name: 'NotSettable', message: 'cannot be set', path };
      continue;
    }
    if (customField) model.ticket.customFields[Number(customField[1])] = value === null ? null : String(value);
    else (model.ticket as unknown as Record<string, unknown>)[path.slice(7)] = value;
    events.push(...changeEvents(path, value));
  }
  return { result: { errors }, events };
}
