/** Tickets and their audits, as the emulator stores them (instants are epoch ms on the emulator clock). */
export const TICKET_STATUSES = ['new', 'open', 'pending', 'hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export const TICKET_TYPES = ['problem', 'incident', 'question', 'task'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

/** Zendesk's via object: channel plus, for rule-made changes, the rule that made them. */
export type Via =
  | { readonly channel: 'api' | 'web' | 'email' | 'mobile' | 'sample_ticket'; readonly source: ViaSource }
  | { readonly channel: 'rule'; readonly source: RuleViaSource };
export interface ViaSource {
  readonly from: Record<string, unknown>;
  readonly to: Record<string, unknown>;
  readonly rel: string | null;
}
export interface RuleViaSource {
  readonly from: { readonly id: number; readonly title: string; readonly deleted: false };
  readonly to: Record<string, unknown>;
  readonly rel: 'trigger' | 'automation';
}

/** A custom field value as stored: strings for text-like fields, booleans for checkboxes. */
export type CustomFieldValue = string | boolean | null;

export interface TicketRecord {
  readonly id: number;
  subject: string;
  description: string;
  status: TicketStatus;
  priority: TicketPriority | null;
  type: TicketType | null;
  requesterId: number;
  submitterId: number;
  assigneeId: number | null;
  groupId: number | null;
  organizationId: number | null;
  brandId: number | null;
  ticketFormId: number | null;
  externalId: string | null;
  tags: string[];
  /** Values by custom field id; a field without an entry reads as null (false for checkboxes). */
  customFields: Map<number, CustomFieldValue>;
  isPublic: boolean;
  readonly via: Via;
  readonly createdAt: number;
  updatedAt: number;
  generatedAt: number;
  /** When the ticket last became solved (null unless solved): the default automation closes it 4 days later. */
  solvedAt: number | null;
}

export type AuditEvent =
  | { readonly id: number; readonly type: 'Create'; readonly field_name: string; readonly value: unknown }
  | {
      readonly id: number;
      readonly type: 'Change';
      readonly field_name: string;
      readonly value: unknown;
      readonly previous_value: unknown;
      readonly via?: Via;
    }
  | {
      readonly id: number;
      readonly type: 'Comment';
      readonly author_id: number;
      readonly body: string;
      readonly html_body: string;
      readonly plain_body: string;
      readonly public: boolean;
      readonly attachments: readonly never[];
      readonly audit_id: number;
    }
  | {
      readonly id: number;
      readonly type: 'Notification';
      readonly via: Via;
      readonly subject: string;
      readonly body: string;
      readonly recipients: readonly number[];
    };

export interface AuditRecord {
  readonly id: number;
  readonly ticketId: number;
  readonly authorId: number;
  readonly createdAt: number;
  readonly via: Via;
  readonly events: AuditEvent[];
}
