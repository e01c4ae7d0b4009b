import { useEffect, useState } from 'react';
import { PRIORITIES, TICKET_STATUSES, TICKET_TYPES, type TicketSnapshot } from '../../../core';
import type { ZafClient } from '../../zaf/zaf-client';

type Patch = Partial<Pick<TicketSnapshot, 'status' | 'priority' | 'type' | 'groupId' | 'assigneeId'>>;

/** The ZAF events of unsaved property edits the SLA reads (Zendesk fires them before the agent saves). */
export const DRAFT_EVENTS = ['ticket.priority.changed', 'ticket.status.changed', 'ticket.type.changed', 'ticket.assignee.changed'] as const;
/** After these the server's history is the truth again: the draft is dropped and the SLA reloaded. */
export const SAVED_EVENTS = ['ticket.submit.done', 'ticket.saved', 'ticket.updated'] as const;

/**
 * The agent's unsaved changes to the fields the SLA reads, as a snapshot patch. On each change event the fields
 * are read back with `get` rather than from the event's payload, whose shape Zendesk documents only loosely;
 * only fields the agent touched join the patch, so a history that lags behind Zendesk is not mistaken for an edit.
 */
export function useTicketDraft(client: ZafClient, onSaved: () => void): Patch {
  const [patch, setPatch] = useState<Patch>({});

  useEffect(() => {
    let current = true;
    const read = (event: (typeof DRAFT_EVENTS)[number]) => async () => {
      const result = await client.get(['ticket.status', 'ticket.priority', 'ticket.type', 'ticket.assignee']);
      if (!current) return;
      setPatch((before) => ({ ...before, ...fieldsOf(event, result) }));
    };
    const handlers = DRAFT_EVENTS.map((event) => [event, read(event)] as const);
    const saved = () => {
      setPatch({});
      onSaved();
    };
    for (const [event, handler] of handlers) client.on(event, handler);
    for (const event of SAVED_EVENTS) client.on(event, saved);
    return () => {
      current = false;
      for (const [event, handler] of handlers) client.off(event, handler);
      for (const event of SAVED_EVENTS) client.off(event, saved);
    };
  }, [client, onSaved]);

  return patch;
}

type Read = Awaited<ReturnType<ZafClient['get']>> & Record<string, unknown>;

function fieldsOf(event: (typeof DRAFT_EVENTS)[number], result: Read): Patch {
  const pick = <T extends string>(allowed: readonly T[], value: unknown): T | null =>
    typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;
  switch (event) {
    case 'ticket.priority.changed':
      return { priority: pick(PRIORITIES, result['ticket.priority']) };
    case 'ticket.status.changed': {
      const status = pick(TICKET_STATUSES, result['ticket.status']);
      return status ? { status } : {};
    }
    case 'ticket.type.changed':
      return { type: pick(TICKET_TYPES, result['ticket.type']) };
    case 'ticket.assignee.changed': {
      const assignee = result['ticket.assignee'] as { user?: { id?: unknown } | null; group?: { id?: unknown } | null } | undefined;
      const id = (value: { id?: unknown } | null | undefined) => (value?.id === undefined || value.id === null ? null : String(value.id));
      return { assigneeId: id(assignee?.user), groupId: id(assignee?.group) };
    }
  }
}
