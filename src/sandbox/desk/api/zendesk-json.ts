/** The parts of Zendesk's JSON the desk reads (Support API shapes, as the emulator answers them). */
export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

export const TICKET_STATUSES: readonly TicketStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];
export const TICKET_PRIORITIES: readonly TicketPriority[] = ['low', 'normal', 'high', 'urgent'];

export interface TicketJson {
  readonly id: number;
  readonly subject: string;
  readonly status: TicketStatus;
  readonly priority: TicketPriority | null;
  readonly type: string | null;
  readonly requester_id: number;
  readonly assignee_id: number | null;
  readonly group_id: number | null;
  readonly organization_id: number | null;
  readonly tags: readonly string[];
  readonly custom_fields: readonly { readonly id: number; readonly value: string | boolean | null }[];
  readonly created_at: string;
  readonly updated_at: string;
}

export interface UserJson {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: 'end-user' | 'agent' | 'admin';
  readonly organization_id: number | null;
  readonly time_zone: string;
  readonly iana_time_zone?: string;
  readonly locale?: string;
}

export interface NamedJson {
  readonly id: number;
  readonly name: string;
}

export type AuditEventJson =
  | { readonly type: 'Comment'; readonly id: number; readonly author_id: number; readonly body: string; readonly public: boolean }
  | { readonly type: 'Create' | 'Change'; readonly id: number; readonly field_name: string; readonly value: unknown; readonly previous_value?: unknown }
  | { readonly type: 'Notification'; readonly id: number; readonly subject: string; readonly recipients: readonly number[]; readonly via?: unknown };

export interface AuditJson {
  readonly id: number;
  readonly ticket_id: number;
  readonly created_at: string;
  readonly author_id: number;
  readonly events: readonly AuditEventJson[];
}

export interface RequirementJson {
  readonly identifier: string;
  readonly requirement_id: number;
  readonly requirement_type: string;
}

/** A mail in the emulator's outbox (`GET /__sandbox/outbox`). */
export interface OutboxMailJson {
  readonly id: number;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly userId: number;
  readonly ticketId: number;
  readonly triggerId: number;
  /** ISO-8601 on the emulator clock. */
  readonly at: string;
}

export interface TicketFieldJson {
  readonly id: number;
  readonly title: string;
  readonly type: string;
  readonly custom_field_options?: readonly { readonly name: string; readonly value: string }[];
}
