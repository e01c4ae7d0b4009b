/** The ticket properties an agent edits in the desk's left panel, as form values ('' = none). */
export interface TicketProperties {
  readonly status: string;
  readonly priority: string;
  readonly type: string;
  readonly group_id: string;
  readonly assignee_id: string;
  readonly tags: string;
}

export const PROPERTY_NAMES: readonly (keyof TicketProperties)[] = ['status', 'priority', 'type', 'group_id', 'assignee_id', 'tags'];

export function readProperties(form: HTMLFormElement): TicketProperties {
  const data = new FormData(form);
  const value = (name: string) => String(data.get(name) ?? '');
  return { status: value('status'), priority: value('priority'), type: value('type'), group_id: value('group_id'), assignee_id: value('assignee_id'), tags: value('tags') };
}

export const splitTags = (text: string): string[] => text.split(/[\s,]+/).filter((tag) => tag !== '');

/**
 * Only what the agent changed, in the Tickets API's terms: Zendesk's agent UI sends changed fields only, and
 * a safe update then conflicts only when someone else changed the ticket meanwhile.
 */
export function changedProperties(before: TicketProperties, after: TicketProperties): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of PROPERTY_NAMES) {
    if (before[name] === after[name]) continue;
    if (name === 'tags') {
      if (splitTags(before.tags).join(' ') !== splitTags(after.tags).join(' ')) changes.tags = splitTags(after.tags);
    } else if (name === 'group_id' || name === 'assignee_id') changes[name] = after[name] === '' ? null : Number(after[name]);
    else changes[name] = after[name] === '' ? null : after[name];
  }
  return changes;
}
