import type { ColumnType, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Table types, Kysely-example style: `XTable` describes columns, `XRow`/`NewX`/`XUpdate` are what queries read and
 * write. Only mappers (`*-rows.ts`) see these; the rest of the server speaks domain types (`sla-store.ts`).
 *
 * Portable choices (one set of migrations for SQLite and PostgreSQL):
 * - ids are text: UUIDs we generate (accounts, schedules, policies, inbox rows) or Zendesk's ids as text;
 * - instants are epoch milliseconds in `bigint` columns, like the core's `EpochMillis`. PostgreSQL returns int8 as
 *   a string (JavaScript numbers cannot hold every int8), SQLite as a number: mappers parse both (`Millis`);
 * - JSON is text, parsed by mappers; booleans are avoided (states are text unions).
 */
export type Millis = ColumnType<number | string, number, number>;
type Generated<T> = ColumnType<T, T | undefined, T>;

export interface AccountsTable {
  id: string;
  subdomain: string;
  auth_kind: 'sandbox' | 'api_token' | 'oauth';
  zendesk_email: string | null;
  /** The API token or OAuth access token, sealed by the secret box. */
  sealed_api_credential: string | null;
  sealed_webhook_secret: string | null;
  sealed_app_secret: string | null;
  settings: string;
  created_at: Millis;
  /** Zendesk's API base URL; null means `https://{subdomain}.zendesk.com`. */
  zendesk_url: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON: what the setup step found or created in Zendesk (see ZendeskSetup). */
  zendesk_setup: ColumnType<string | null, string | null | undefined, string | null>;
  reconcile_cursor: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface SchedulesTable {
  id: string;
  account_id: string;
  name: string;
  spec: string;
  created_at: Millis;
  updated_at: Millis;
}

export interface PoliciesTable {
  id: string;
  account_id: string;
  position: number;
  current_version: number;
  created_at: Millis;
  updated_at: Millis;
}

export interface PolicyVersionsTable {
  policy_id: string;
  version: number;
  account_id: string;
  body: string;
  author_id: string | null;
  saved_at: Millis;
  /** PolicyApply: how the save was asked to reach existing tickets; null before migration 0005. */
  apply: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface NotificationSettingsTable {
  account_id: string;
  settings: string;
  updated_at: Millis;
}

export type InboxState = 'pending' | 'processing' | 'done' | 'failed';

export interface WebhookInboxTable {
  id: string;
  account_id: string;
  invocation_id: string;
  ticket_id: string;
  raw_body: string;
  received_at: Millis;
  state: InboxState;
  attempts: Generated<number>;
  /** Backoff: the row is not claimable before this instant. */
  not_before: Millis;
  lease_owner: string | null;
  lease_until: Millis | null;
  last_error: string | null;
  finished_at: Millis | null;
}

export interface TicketEventsTable {
  account_id: string;
  ticket_id: string;
  seq: number;
  at: Millis;
  type: string;
  payload: string;
  /** Where the event came from (e.g. `audit:123:2`): unique per ticket, so appending twice adds nothing. */
  source_id: string;
}

export interface TicketStatesTable {
  account_id: string;
  ticket_id: string;
  assessment: string | null;
  policy_id: string | null;
  next_check_at: Millis | null;
  zendesk_updated_at: Millis | null;
  lease_owner: string | null;
  lease_until: Millis | null;
  version: Generated<number>;
  updated_at: Millis;
  /** JSON WritebackDesired: what Zendesk shows of us, as far as we know (last written or last read). */
  shown: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MetricRecordsTable {
  account_id: string;
  ticket_id: string;
  metric: string;
  instance: number;
  policy_id: string | null;
  priority: string | null;
  group_id: string | null;
  assignee_id: string | null;
  brand_id: string | null;
  organization_id: string | null;
  via: string | null;
  status: string;
  started_at: Millis;
  due_at: Millis | null;
  fulfilled_at: Millis | null;
  breached_at: Millis | null;
  business_minutes: number | null;
  calendar_minutes: number | null;
  updated_at: Millis;
}

export interface SlaBreachesTable {
  account_id: string;
  ticket_id: string;
  metric: string;
  instance: number;
  policy_id: string | null;
  breached_at: Millis;
  recorded_at: Millis;
}

export interface WritebackOutboxTable {
  account_id: string;
  ticket_id: string;
  desired: string;
  /** Bumped by every coalesced enqueue, so completing an older revision does not drop a newer one. */
  revision: number;
  attempts: Generated<number>;
  not_before: Millis;
  enqueued_at: Millis;
  lease_owner: string | null;
  lease_until: Millis | null;
  last_error: string | null;
}

export interface Database {
  accounts: AccountsTable;
  schedules: SchedulesTable;
  policies: PoliciesTable;
  policy_versions: PolicyVersionsTable;
  notification_settings: NotificationSettingsTable;
  webhook_inbox: WebhookInboxTable;
  ticket_events: TicketEventsTable;
  ticket_states: TicketStatesTable;
  metric_records: MetricRecordsTable;
  sla_breaches: SlaBreachesTable;
  writeback_outbox: WritebackOutboxTable;
}

export type AccountRow = Selectable<AccountsTable>;
export type NewAccountRow = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type ScheduleRow = Selectable<SchedulesTable>;
export type PolicyRow = Selectable<PoliciesTable>;
export type PolicyVersionRow = Selectable<PolicyVersionsTable>;
export type InboxRow = Selectable<WebhookInboxTable>;
export type NewInboxRow = Insertable<WebhookInboxTable>;
export type TicketEventRow = Selectable<TicketEventsTable>;
export type TicketStateRow = Selectable<TicketStatesTable>;
export type MetricRecordRow = Selectable<MetricRecordsTable>;
export type NewMetricRecordRow = Insertable<MetricRecordsTable>;
export type SlaBreachRow = Selectable<SlaBreachesTable>;
export type WritebackRow = Selectable<WritebackOutboxTable>;

/** Reads an epoch-millis column from either driver (see `Millis`). */
export function millisOf(value: number | string): number {
  const ms = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(ms)) throw new RangeError(`Not an epoch-millis value: ${String(value)}`);
  return ms;
}

export function optionalMillisOf(value: number | string | null): number | null {
  return value === null ? null : millisOf(value);
}
