import type { ChangeableField, TicketEvent } from '../ticket/ticket-event';
import type { TicketSnapshot } from '../ticket/ticket-snapshot';
import type { EpochMillis } from '../time/instant';
import { orderHistory } from './ordered-history';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A working copy of the ticket that a replay changes in place (one allocation per replay, not per event). */
export class SnapshotDraft {
  readonly current: Mutable<TicketSnapshot>;

  constructor(created: TicketSnapshot) {
    this.current = { ...created };
  }

  /**
   * Applies one event's change; returns whether the event changed the snapshot at all (comments do not). Tags
   * and custom fields get new containers, never mutated ones, so copies handed out stay valid.
   */
  apply(event: TicketEvent): boolean {
    const draft = this.current;
    switch (event.type) {
      case 'status_changed':
        draft.status = event.to;
        return true;
      case 'priority_changed':
        draft.priority = event.to;
        return true;
      case 'field_changed':
        // `type` is a TicketType in the snapshot; the history carries what Zendesk sent.
        (draft as Record<ChangeableField, string | null>)[event.field] = event.to;
        return true;
      case 'custom_field_changed':
        draft.customFields = { ...draft.customFields, [event.fieldId]: event.to };
        return true;
      case 'tags_changed': {
        const removed = new Set(event.removed);
        const kept = draft.tags.filter((tag) => !removed.has(tag));
        draft.tags = [...kept, ...event.added.filter((tag) => !kept.includes(tag))];
        return true;
      }
      case 'created':
      case 'comment':
        return false;
    }
  }
}

/**
 * The ticket as it was at `at` (inclusive), replayed from its history: the `created` snapshot with every change
 * up to `at` applied in order. For backtests and for "which target applied then".
 */
export function snapshotAt(history: readonly TicketEvent[], at: EpochMillis): TicketSnapshot {
  const ordered = orderHistory(history);
  const draft = new SnapshotDraft((ordered[0] as Extract<TicketEvent, { type: 'created' }>).ticket);
  for (const event of ordered) {
    if (event.at > at) break;
    draft.apply(event);
  }
  return { ...draft.current };
}
