import { formatZendeskTime } from '../clock/zendesk-time';
import type { EmulatorState } from '../state/emulator-state';
import type { TicketRecord, UserRecord } from '../state/records';

export interface PlaceholderContext {
  readonly state: EmulatorState;
  readonly ticket: TicketRecord;
  readonly actor: UserRecord;
}

const STATUS_NAMES: Record<string, string> = {
  new: 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved', closed: 'Closed',
};

/**
 * Renders Zendesk placeholders (`{{ticket.id}}`...). Placeholders Zendesk does not know, or that have no value,
 * render as empty text, as Zendesk renders them. In a JSON webhook body each value is JSON-escaped so that a quote
 * in a ticket title cannot break the payload.
 */
export function renderPlaceholders(template: string, context: PlaceholderContext, escape: 'text' | 'json'): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_match, name: string) => {
    const value = placeholderValue(name, context) ?? '';
    return escape === 'json' ? JSON.stringify(value).slice(1, -1) : value;
  });
}

function placeholderValue(name: string, { state, ticket, actor }: PlaceholderContext): string | undefined {
  const fieldMatch = /^ticket\.ticket_field_(\d+)$/.exec(name);
  if (fieldMatch) {
    const value = ticket.customFields.get(Number(fieldMatch[1]));
    return value === null || value === undefined ? undefined : String(value);
  }
  const host = state.baseUrl.replace(/^https?:\/\//, '');
  const userMatch = /^(ticket\.requester|ticket\.assignee|current_user)\.(name|first_name|last_name|email|id)$/.exec(name);
  if (userMatch) {
    const [, who, key] = userMatch as unknown as [string, string, string];
    const user =
      who === 'current_user' ? actor : state.users.get((who === 'ticket.requester' ? ticket.requesterId : ticket.assigneeId) ?? 0);
    return user === undefined ? undefined : userValue(user, key);
  }
  const simple: Record<string, () => string | undefined> = {
    'ticket.id': () => String(ticket.id),
    'ticket.title': () => ticket.subject,
    'ticket.description': () => ticket.description,
    'ticket.status': () => STATUS_NAMES[ticket.status],
    'ticket.priority': () => (ticket.priority ? ticket.priority.charAt(0).toUpperCase() + ticket.priority.slice(1) : undefined),
    'ticket.ticket_type': () => ticket.type ?? undefined,
    'ticket.tags': () => ticket.tags.join(' '),
    // Zendesk's ticket.url has no scheme ("sub.zendesk.com/agent/tickets/1"); ticket.link has one.
    'ticket.url': () => `${host}/agent/tickets/${ticket.id}`,
    'ticket.link': () => `${state.baseUrl}/agent/tickets/${ticket.id}`,
    'ticket.created_at_with_timestamp': () => formatZendeskTime(ticket.createdAt),
    'ticket.updated_at_with_timestamp': () => formatZendeskTime(ticket.updatedAt),
    'ticket.group.name': () => (ticket.groupId === null ? undefined : state.groups.get(ticket.groupId)?.name),
    'ticket.organization.name': () =>
      ticket.organizationId === null ? undefined : state.organizations.get(ticket.organizationId)?.name,
  };
  return simple[name]?.();
}

/** Zendesk splits a user's name at the first space for first_name/last_name. */
function userValue(user: UserRecord, key: string): string | undefined {
  const [first = '', ...rest] = user.name.split(' ');
  const values: Record<string, string> = {
    name: user.name,
    first_name: first,
    last_name: rest.join(' '),
    email: user.email,
    id: String(user.id),
  };
  return values[key];
}
