import type { MetricName } from '../../core/policy/metric-name';
import type { SlaPolicy } from '../../core/policy/sla-policy';
import type { ScheduleSpec } from '../../core/schedule/schedule-spec';
import type { TicketEvent } from '../../core/ticket/ticket-event';
import type { EpochMillis } from '../../core/time/instant';
import type { ReassessmentStore } from './reassessment-store';
import type { ObjectiveAlert, ReportQueryStore } from './report-queries';
import type { TicketSlaAssessment } from '../../core/clock/ticket-sla-assessment';
import type { ReportRecord } from '../../core/report/report-record';

/**
 * What jobs and routes need from storage, in domain types. Every method says which account it reads or writes;
 * the claim methods serve workers across accounts and return the account with each item. `now` is always a
 * parameter: the store never reads a clock.
 */
export interface SlaStore
  extends AccountStore,
    ScheduleStore,
    PolicyStore,
    NotificationSettingsStore,
    InboxStore,
    TicketStore,
    ReportStore,
    WritebackStore,
    ReassessmentStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** Ready = the database answers and every migration this build knows has been applied. */
  checkReady(): Promise<{ readonly ready: true } | { readonly ready: false; readonly reason: string }>;
  /** Gives back every lease `owner` holds (inbox rows, tickets, write-backs), for a graceful shutdown. */
  releaseLeases(owner: string): Promise<void>;
  close(): Promise<void>;
}

export type JsonObject = { readonly [key: string]: unknown };

// ---- accounts ---------------------------------------------------------------------------------------------------

export type ZendeskCredentials =
  | { readonly kind: 'sandbox' }
  | { readonly kind: 'api_token'; readonly email: string; readonly token: string }
  | { readonly kind: 'oauth'; readonly accessToken: string };

/** Secrets are plain here; the store seals them at rest (see secret-box.ts). */
export interface Account {
  readonly id: string;
  readonly subdomain: string;
  readonly credentials: ZendeskCredentials;
  readonly webhookSecret: string | null;
  readonly appSharedSecret: string | null;
  readonly settings: JsonObject;
  readonly createdAt: EpochMillis;
  /** Zendesk's API base URL: `https://{subdomain}.zendesk.com` unless set (the sandbox's emulator). */
  readonly zendeskUrl: string;
  /** What the setup step found or created in Zendesk; null until it has run. */
  readonly zendeskSetup: ZendeskSetup | null;
}

/**
 * The Zendesk resources the server writes through, by id, as the setup step last found them. Fields are keyed by
 * their requirement identifier in requirements.json (`sla_status`, `sla_due_first_reply_time`, ...).
 */
export interface ZendeskSetup {
  readonly installationId: string | null;
  readonly fieldIds: Readonly<Record<string, string>>;
  readonly webhookId: string | null;
  readonly notifyTriggerId: string | null;
  readonly emailTriggerIds: Readonly<Record<string, string>>;
  /** The Zendesk user the server acts as: a change it made itself (`updated_by`) needs no second read. */
  readonly apiUserId?: string | null;
  readonly checkedAt: EpochMillis;
}

export interface AccountInput {
  readonly subdomain: string;
  readonly credentials: ZendeskCredentials;
  readonly webhookSecret: string | null;
  readonly appSharedSecret: string | null;
  readonly settings?: JsonObject;
  /** Left as stored when omitted. */
  readonly zendeskUrl?: string | null;
  readonly now: EpochMillis;
}

export interface AccountStore {
  /** Creates the account, or updates credentials, secrets and settings of the one with that subdomain. */
  saveAccount(input: AccountInput): Promise<Account>;
  findAccount(accountId: string): Promise<Account | null>;
  findAccountBySubdomain(subdomain: string): Promise<Account | null>;
  /** Only the webhook signing secret (one decryption, for the intake hot path); null for an unknown account. */
  findWebhookSecret(accountId: string): Promise<{ readonly secret: string | null } | null>;
  listAccounts(): Promise<readonly Account[]>;
  saveZendeskSetup(accountId: string, setup: ZendeskSetup): Promise<void>;
  saveWebhookSecret(accountId: string, secret: string): Promise<void>;
  /** The incremental export's cursor of the reconciliation sweep; null before its first run. */
  getReconcileCursor(accountId: string): Promise<string | null>;
  saveReconcileCursor(accountId: string, cursor: string): Promise<void>;
}

// ---- schedules, policies, notification settings ------------------------------------------------------------------

export interface StoredSchedule {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly spec: ScheduleSpec;
  readonly createdAt: EpochMillis;
  readonly updatedAt: EpochMillis;
}

export interface ScheduleStore {
  listSchedules(accountId: string): Promise<readonly StoredSchedule[]>;
  getSchedule(accountId: string, scheduleId: string): Promise<StoredSchedule | null>;
  /**
   * Creates (no `scheduleId`) or replaces a schedule; `not_found` if the id is not this account's,
   * `duplicate_name` if another of the account's schedules has that name.
   */
  saveSchedule(input: {
    readonly accountId: string;
    readonly scheduleId?: string;
    readonly name: string;
    readonly spec: ScheduleSpec;
    readonly now: EpochMillis;
  }): Promise<SaveOutcome<StoredSchedule> | { readonly kind: 'duplicate_name' }>;
  deleteSchedule(accountId: string, scheduleId: string): Promise<boolean>;
}

/** A policy as admins save it: the store owns `id` and `position` (the row), the body is versioned. */
export type PolicyBody = Omit<SlaPolicy, 'id' | 'position'>;

export interface StoredPolicy {
  readonly id: string;
  readonly accountId: string;
  readonly position: number;
  readonly version: number;
  readonly body: PolicyBody;
  readonly authorId: string | null;
  readonly savedAt: EpochMillis;
  /** How this version was asked to reach existing tickets; null when not said (or saved before it was recorded). */
  readonly apply: PolicyApply | null;
}

/**
 * `recompute_open`: open tickets are re-assessed under the new version now; `new_tickets_only`: tickets pick it up
 * at their next update (the engine re-selects the policy on every assessment).
 */
export const POLICY_APPLY_MODES = ['recompute_open', 'new_tickets_only'] as const;
export type PolicyApply = (typeof POLICY_APPLY_MODES)[number];

export type SaveOutcome<T> =
  | { readonly kind: 'saved'; readonly value: T }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'version_conflict'; readonly currentVersion: number };

export interface PolicyStore {
  /** In the admin's order (`position`, lower first). */
  listPolicies(accountId: string): Promise<readonly StoredPolicy[]>;
  getPolicy(accountId: string, policyId: string): Promise<StoredPolicy | null>;
  /**
   * Saves a new version. Without `policyId` creates the policy (at the end of the list unless `position` is given).
   * With `expectedVersion`, refuses to overwrite someone else's newer save (`version_conflict`).
   */
  savePolicy(input: {
    readonly accountId: string;
    readonly policyId?: string;
    readonly body: PolicyBody;
    readonly position?: number;
    readonly expectedVersion?: number;
    readonly authorId: string | null;
    readonly apply?: PolicyApply;
    readonly now: EpochMillis;
  }): Promise<SaveOutcome<StoredPolicy>>;
  /**
   * Sets the admin's order: `ids` must be every one of the account's policies exactly once (`mismatch` otherwise,
   * e.g. when someone added or deleted one meanwhile). Positions become 1..n; no new versions are made.
   */
  reorderPolicies(input: { readonly accountId: string; readonly ids: readonly string[]; readonly now: EpochMillis }): Promise<'reordered' | 'mismatch'>;
  /** Every saved version, newest first. */
  listPolicyVersions(accountId: string, policyId: string): Promise<readonly StoredPolicy[]>;
  deletePolicy(accountId: string, policyId: string): Promise<boolean>;
}

export interface NotificationSettingsStore {
  getNotificationSettings(accountId: string): Promise<JsonObject | null>;
  saveNotificationSettings(input: { readonly accountId: string; readonly settings: JsonObject; readonly now: EpochMillis }): Promise<void>;
}

// ---- webhook inbox -----------------------------------------------------------------------------------------------

export interface InboxDelivery {
  readonly id: string;
  readonly accountId: string;
  readonly invocationId: string;
  readonly ticketId: string;
  readonly rawBody: string;
  readonly receivedAt: EpochMillis;
  /** Including the current claim. */
  readonly attempts: number;
}

/** One ticket's pending deliveries, leased together: no other worker gets this ticket until released. */
export interface ClaimedTicketDeliveries {
  readonly accountId: string;
  readonly ticketId: string;
  readonly leaseUntil: EpochMillis;
  readonly deliveries: readonly InboxDelivery[];
}

export interface WorkClaim {
  readonly owner: string;
  readonly now: EpochMillis;
  readonly leaseMs: number;
  /** At most this many tickets (or write-backs). */
  readonly limit: number;
}

export interface InboxStore {
  /** `inserted: false` when this invocation id was already stored for the account (a redelivery). */
  enqueueWebhook(input: {
    readonly accountId: string;
    readonly invocationId: string;
    readonly ticketId: string;
    readonly rawBody: string;
    readonly receivedAt: EpochMillis;
  }): Promise<{ readonly inserted: boolean }>;
  /** Oldest pending tickets first; leases the ticket and all its claimable deliveries. Expired leases count as free. */
  claimInboxBatch(claim: WorkClaim): Promise<readonly ClaimedTicketDeliveries[]>;
  /** Marks the deliveries done and frees the ticket. False if `owner` no longer holds the ticket's lease. */
  completeInbox(input: TicketRelease): Promise<boolean>;
  /**
   * Puts the deliveries back with exponential backoff (`retryBackoffMs`), or marks them `failed` once they have
   * been attempted `maxAttempts` times; frees the ticket.
   */
  releaseInbox(input: TicketRelease & { readonly error: string; readonly maxAttempts: number }): Promise<boolean>;
  inboxStats(): Promise<{ readonly pending: number; readonly oldestPendingReceivedAt: EpochMillis | null }>;
  /** Deletes up to `limit` done or failed deliveries finished before `finishedBefore`; returns how many. */
  purgeFinishedInbox(input: { readonly finishedBefore: EpochMillis; readonly limit: number }): Promise<number>;
}

export interface TicketRelease {
  readonly owner: string;
  readonly accountId: string;
  readonly ticketId: string;
  readonly deliveryIds: readonly string[];
  readonly now: EpochMillis;
}

// ---- tickets: history, current state, due checks ------------------------------------------------------------------

export interface SourcedTicketEvent {
  /** Stable id of the event's origin, e.g. `audit:9001:3`: appending it again adds nothing. */
  readonly sourceId: string;
  readonly event: TicketEvent;
}

export interface StoredTicketEvent extends SourcedTicketEvent {
  readonly seq: number;
}

/** The last assessment of a ticket and what Zendesk shows of it; a row exists once the ticket was first claimed. */
export interface TicketState {
  readonly accountId: string;
  readonly ticketId: string;
  readonly assessment: TicketSlaAssessment | null;
  /** What Zendesk shows of our fields and tags, as far as we know (last written, or read from the ticket). */
  readonly shown: WritebackDesired | null;
  readonly policyId: string | null;
  readonly nextCheckAt: EpochMillis | null;
  readonly zendeskUpdatedAt: EpochMillis | null;
  readonly version: number;
  readonly updatedAt: EpochMillis;
}

export interface DueTicket {
  readonly accountId: string;
  readonly ticketId: string;
  readonly nextCheckAt: EpochMillis;
  readonly leaseUntil: EpochMillis;
}

export interface TicketStore {
  /** Appends in order after the ticket's last event, skipping source ids already stored; returns how many were new. */
  appendTicketEvents(input: {
    readonly accountId: string;
    readonly ticketId: string;
    readonly events: readonly SourcedTicketEvent[];
  }): Promise<number>;
  listTicketEvents(accountId: string, ticketId: string): Promise<readonly StoredTicketEvent[]>;
  getTicketState(accountId: string, ticketId: string): Promise<TicketState | null>;
  /** Only the holder of the ticket's lease may save; `lease_lost` otherwise (another worker owns it now). */
  saveTicketState(input: {
    readonly owner: string;
    readonly accountId: string;
    readonly ticketId: string;
    readonly assessment: TicketSlaAssessment;
    readonly shown: WritebackDesired | null;
    readonly policyId: string | null;
    readonly nextCheckAt: EpochMillis | null;
    readonly zendeskUpdatedAt: EpochMillis | null;
    readonly now: EpochMillis;
  }): Promise<'saved' | 'lease_lost'>;
  /**
   * Tickets whose `nextCheckAt` ≤ now, oldest first: after downtime, missed wake-ups are processed in the order
   * they were due. Shares the ticket lease with `claimInboxBatch`, so a ticket is never assessed twice at once.
   */
  claimDueTickets(claim: WorkClaim): Promise<readonly DueTicket[]>;
  /** The earliest `nextCheckAt` of any ticket (of every account), leased or not; null when none waits for one. */
  earliestDueCheck(): Promise<EpochMillis | null>;
  /**
   * Our write-back moved the ticket from `readAt` (the version we had read all of) to `writtenAt` and changed
   * nothing but our own fields and tags: we have now seen up to `writtenAt`. Only if nothing newer was read meanwhile.
   */
  noteOwnWrite(input: { readonly accountId: string; readonly ticketId: string; readonly readAt: EpochMillis; readonly writtenAt: EpochMillis }): Promise<void>;
  releaseTicket(input: { readonly owner: string; readonly accountId: string; readonly ticketId: string }): Promise<boolean>;
}

// ---- reports: metric records and breaches --------------------------------------------------------------------------

/** One metric instance of one ticket, as the reports read it: the core's ReportRecord, in an account. */
export interface MetricRecord extends ReportRecord {
  readonly accountId: string;
}

export interface SlaBreach {
  readonly accountId: string;
  readonly ticketId: string;
  readonly metric: MetricName;
  readonly instance: number;
  readonly policyId: string | null;
  readonly breachedAt: EpochMillis;
  readonly recordedAt: EpochMillis;
}

/** Plus the report queries (report-queries.ts), kept beside their SQL. */
export interface ReportStore extends ReportQueryStore {
  /** Inserts or replaces each (account, ticket, metric, instance) record. */
  saveMetricRecords(records: readonly MetricRecord[], now: EpochMillis): Promise<void>;
  /** Records whose instance started in [from, to), optionally for one group, oldest first. */
  listMetricRecords(query: {
    readonly accountId: string;
    readonly from: EpochMillis;
    readonly to: EpochMillis;
    readonly groupId?: string;
  }): Promise<readonly MetricRecord[]>;
  /** `recorded: false` when this instance's breach was already recorded: notify only when true. */
  recordBreach(breach: SlaBreach): Promise<{ readonly recorded: boolean }>;
  listBreaches(accountId: string, ticketId?: string): Promise<readonly SlaBreach[]>;
}

// ---- write-back outbox ---------------------------------------------------------------------------------------------

/**
 * What Zendesk should show for a ticket; the latest enqueued state wins (coalescing). Custom fields by Zendesk field
 * id; tags as deltas, so an agent's own tags are never overwritten. `updatedStamp` is the ticket's `updated_at` we
 * last saw, for `safe_update`.
 */
export interface WritebackDesired {
  readonly customFields: Readonly<Record<string, string | number | boolean | null>>;
  readonly addTags: readonly string[];
  readonly removeTags: readonly string[];
  /**
   * Tags added once, by this write, that the ticket is not meant to keep showing: an objective's budget alert tag,
   * which its trigger removes when it has sent the email. Unlike the rest of the state they are an event, so a
   * newer state enqueued before this one is written keeps them, and once written they are not written again.
   */
  readonly onceTags?: readonly string[];
  readonly updatedStamp?: string | null;
}

export interface ClaimedWriteback {
  readonly accountId: string;
  readonly ticketId: string;
  readonly desired: WritebackDesired;
  readonly revision: number;
  readonly attempts: number;
  readonly leaseUntil: EpochMillis;
}

/** An objective's budget alert for its period, and the tag whose trigger mails it. */
export interface BudgetAlertClaim extends ObjectiveAlert {
  readonly tag: string;
}

export interface WritebackStore {
  /**
   * One row per ticket: replaces a pending desired state instead of queueing a second update. The write goes no
   * sooner than `notBefore` (default `now`; the write-back window), or the earlier time a pending state asked for.
   *
   * `alerts`: objective budget alerts whose tag (among `desired.onceTags`) this write carries. Each is recorded as
   * its period's alert in the same transaction, and its tag stays only if this call recorded it: exactly one
   * ticket carries a period's alert, and a crash cannot record an alert without its tag queued (or the reverse).
   * `alertTags` answers the tags that stayed.
   */
  enqueueWriteback(input: {
    readonly accountId: string;
    readonly ticketId: string;
    readonly desired: WritebackDesired;
    readonly now: EpochMillis;
    readonly notBefore?: EpochMillis;
    readonly alerts?: readonly BudgetAlertClaim[];
  }): Promise<{ readonly revision: number; readonly alertTags?: readonly string[] }>;
  /**
   * Leases the write-backs due now, oldest first, and with them, up to `limit`, the same accounts' rows still
   * waiting for their window (never one held back by a Retry-After or a backoff): a call is going to Zendesk for
   * the account anyway, and one update_many carries them all for the same single write of its budget.
   */
  claimWritebacks(claim: WorkClaim): Promise<readonly ClaimedWriteback[]>;
  /**
   * `superseded` when a newer state was enqueued meanwhile: the row stays, to be claimed again, without the once
   * tags the finished revision carried (`onceTagsDone`: written, or given up with the ticket).
   */
  completeWriteback(input: {
    readonly owner: string;
    readonly accountId: string;
    readonly ticketId: string;
    readonly revision: number;
    readonly onceTagsDone?: readonly string[];
  }): Promise<'done' | 'superseded' | 'lease_lost'>;
  /**
   * Write-backs waiting or in flight (the outbox's depth), and the earliest time one of them may go: later than
   * now means everything pending is waiting for its window or a retry.
   */
  writebackStats(): Promise<{ readonly pending: number; readonly earliestNotBefore: EpochMillis | null }>;
  /** Retry later, not before `notBefore` (Zendesk's Retry-After, or a backoff). */
  retryWriteback(input: {
    readonly owner: string;
    readonly accountId: string;
    readonly ticketId: string;
    readonly notBefore: EpochMillis;
    readonly error: string;
  }): Promise<boolean>;
}
