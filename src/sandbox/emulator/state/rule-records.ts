/** The configuration our app installs: ticket fields, triggers and webhooks. */
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
