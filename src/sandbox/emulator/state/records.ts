/**
 * The emulator's in-memory records. They hold what Zendesk stores; the JSON Zendesk shows is built from them by
 * the serializers in `../http/serializers`. Instants are epoch milliseconds on the emulator clock.
 */
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
  readonly rel: 'trigger';
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

export type UserRole = 'end-user' | 'agent' | 'admin';

export interface UserRecord {
  readonly id: number;
  name: string;
  email: string;
  role: UserRole;
  organizationId: number | null;
  defaultGroupId: number | null;
  timeZone: string;
  readonly createdAt: number;
  updatedAt: number;
}

export interface GroupRecord {
  readonly id: number;
  name: string;
  description: string;
  isDefault: boolean;
  readonly createdAt: number;
  updatedAt: number;
}

export interface GroupMembershipRecord {
  readonly id: number;
  readonly userId: number;
  readonly groupId: number;
  readonly createdAt: number;
}

export interface OrganizationRecord {
  readonly id: number;
  name: string;
  domainNames: string[];
  groupId: number | null;
  readonly createdAt: number;
  updatedAt: number;
}

export const CUSTOM_FIELD_TYPES = ['text', 'textarea', 'tagger', 'date', 'integer', 'decimal', 'checkbox', 'regexp'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];
export const SYSTEM_FIELD_TYPES = ['subject', 'description', 'status', 'tickettype', 'priority', 'group', 'assignee'] as const;
export type SystemFieldType = (typeof SYSTEM_FIELD_TYPES)[number];

export interface CustomFieldOption {
  readonly id: number;
  readonly name: string;
  readonly value: string;
}

export interface TicketFieldRecord {
  readonly id: number;
  readonly type: CustomFieldType | SystemFieldType;
  title: string;
  description: string;
  active: boolean;
  required: boolean;
  position: number;
  /** Checkbox fields add this tag to a ticket while checked. */
  tag: string | null;
  regexpForValidation: string | null;
  options: CustomFieldOption[];
  creatorAppName: string | null;
  readonly createdAt: number;
  updatedAt: number;
}

export interface TriggerCondition {
  readonly field: string;
  readonly operator: string;
  readonly value: unknown;
}
export interface TriggerAction {
  readonly field: string;
  readonly value: unknown;
}

export interface TriggerRecord {
  readonly id: number;
  title: string;
  description: string;
  active: boolean;
  position: number;
  conditions: { all: TriggerCondition[]; any: TriggerCondition[] };
  actions: TriggerAction[];
  readonly createdAt: number;
  updatedAt: number;
}

export type WebhookAuthentication =
  | { readonly type: 'bearer_token'; readonly add_position: 'header'; readonly data: { readonly token: string } }
  | {
      readonly type: 'basic_auth';
      readonly add_position: 'header';
      readonly data: { readonly username: string; readonly password: string };
    }
  | { readonly type: 'api_key'; readonly add_position: 'header'; readonly data: { readonly name: string; readonly value: string } };

export const WEBHOOK_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

export interface WebhookRecord {
  /** Zendesk's webhook ids are strings (ULIDs), unlike every other id here. */
  readonly id: string;
  name: string;
  description: string;
  status: 'active' | 'inactive';
  endpoint: string;
  httpMethod: WebhookMethod;
  requestFormat: 'json' | 'xml' | 'form_encoded';
  readonly subscriptions: string[];
  authentication: WebhookAuthentication | null;
  signingSecret: string;
  readonly createdAt: number;
  readonly createdBy: number;
  updatedAt: number;
  updatedBy: number;
}

/** One ticket's outcome, in request order. No `index`: with it a result would also match Zendesk's create-result shape. */
export interface JobResult {
  readonly id: number;
  readonly action: 'update';
  readonly success: boolean;
  readonly status?: 'Updated';
  readonly error?: string;
  readonly details?: string;
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed';

export interface JobStatusRecord {
  readonly id: string;
  readonly jobType: 'bulk_update';
  readonly total: number;
  readonly createdAt: number;
  readonly work: readonly TicketUpdateWork[];
  readonly actorId: number;
  status: JobState;
  progress: number;
  /** Null until the job has finished, as Zendesk shows it. */
  results: JobResult[] | null;
  message: string | null;
}

/** One ticket's share of an update_many job: the ticket id and the ticket input to apply. */
export interface TicketUpdateWork {
  readonly ticketId: number;
  readonly input: Record<string, unknown>;
}

export interface InstallationRecord {
  readonly id: number;
  readonly appId: number;
  readonly requirements: RequirementRecord[];
  readonly createdAt: number;
}

export interface RequirementRecord {
  readonly identifier: string;
  readonly requirementId: number | string;
  readonly requirementType: 'ticket_fields' | 'triggers' | 'webhooks';
}

export interface OutboxMail {
  readonly id: number;
  readonly to: string;
  readonly userId: number;
  readonly subject: string;
  readonly body: string;
  readonly ticketId: number;
  readonly triggerId: number;
  readonly at: string;
}
