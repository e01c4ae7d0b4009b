import type { EpochMillis } from '../time/instant';
import type { CustomFieldValue, Priority, TicketSnapshot, TicketStatus } from './ticket-snapshot';

/** Who wrote a comment, as the metrics distinguish it: any end user (requester or CC) vs an agent. */
export type CommentAuthorRole = 'agent' | 'end_user';

/** Snapshot fields that can change through `field_changed` (status, priority and tags have their own events). */
export type ChangeableField =
  | 'type'
  | 'groupId'
  | 'assigneeId'
  | 'brandId'
  | 'organizationId'
  | 'ticketFormId'
  | 'requesterEmail'
  | 'via';

/**
 * A ticket's history, normalized from Zendesk's audits. Events are ordered by `at`; events with the same `at`
 * (one audit) keep their order. The first event of a history is always `created`, carrying the ticket as it was
 * created; every later state is that snapshot with the changes applied in order.
 */
export type TicketEvent =
  | { readonly type: 'created'; readonly at: EpochMillis; readonly ticket: TicketSnapshot }
  | {
      readonly type: 'comment';
      readonly at: EpochMillis;
      readonly public: boolean;
      readonly authorRole: CommentAuthorRole;
      readonly authorId?: string;
    }
  | { readonly type: 'status_changed'; readonly at: EpochMillis; readonly from: TicketStatus; readonly to: TicketStatus }
  | {
      readonly type: 'priority_changed';
      readonly at: EpochMillis;
      readonly from: Priority | null;
      readonly to: Priority | null;
    }
  | {
      readonly type: 'field_changed';
      readonly at: EpochMillis;
      readonly field: ChangeableField;
      readonly from: string | null;
      readonly to: string | null;
    }
  | {
      readonly type: 'custom_field_changed';
      readonly at: EpochMillis;
      readonly fieldId: string;
      readonly from: CustomFieldValue;
      readonly to: CustomFieldValue;
    }
  | {
      readonly type: 'tags_changed';
      readonly at: EpochMillis;
      readonly added: readonly string[];
      readonly removed: readonly string[];
    };

export type TicketEventType = TicketEvent['type'];
