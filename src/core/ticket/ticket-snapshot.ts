/**
 * Just the fields of a Zendesk ticket that the engine reads: policy conditions and metric rules.
 * Not Zendesk's JSON: the server's ticket mapping and the app's `use-ticket-snapshot` build this from theirs.
 * Ids are strings because Zendesk ids can outgrow what JSON numbers carry safely in every client.
 */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Ordered from least to most pressing: `less_than` / `greater_than` on priority follow this order. */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TICKET_TYPES = ['question', 'incident', 'problem', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** A custom field value as Zendesk holds it: text/tagger/date as strings, integers/decimals as numbers or strings, checkbox as boolean, multiselect as a list of tags. */
export type CustomFieldValue = string | number | boolean | readonly string[] | null;

export interface TicketSnapshot {
  readonly id: string;
  readonly status: TicketStatus;
  readonly priority: Priority | null;
  readonly type: TicketType | null;
  readonly groupId: string | null;
  readonly assigneeId: string | null;
  readonly brandId: string | null;
  readonly organizationId: string | null;
  readonly ticketFormId: string | null;
  readonly requesterEmail: string | null;
  readonly tags: readonly string[];
  /** The channel the ticket came through (Zendesk `via.channel`: web, email, api, chat, voice, …). */
  readonly via: string | null;
  /** Keyed by custom field id. */
  readonly customFields: Readonly<Record<string, CustomFieldValue>>;
}
