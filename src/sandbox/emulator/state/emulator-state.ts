import type {
  AuditRecord,
  GroupMembershipRecord,
  GroupRecord,
  InstallationRecord,
  JobStatusRecord,
  OrganizationRecord,
  OutboxMail,
  TicketFieldRecord,
  TicketRecord,
  TriggerRecord,
  UserRecord,
  WebhookRecord,
} from './records';

/**
 * Everything the emulated account holds. Plain maps: the state functions beside this file read and change them;
 * the HTTP routes only translate between JSON and those functions.
 */
export interface EmulatorState {
  readonly subdomain: string;
  /** The emulator's own origin (`http://127.0.0.1:port`), used in `url` properties; set once it listens. */
  baseUrl: string;
  readonly tickets: Map<number, TicketRecord>;
  /** Deleted tickets: gone from the API (404), still in the incremental export with status "deleted". */
  readonly deletedTickets: Map<number, { readonly ticket: TicketRecord; readonly deletedAt: number }>;
  readonly audits: Map<number, AuditRecord[]>;
  readonly users: Map<number, UserRecord>;
  readonly groups: Map<number, GroupRecord>;
  readonly groupMemberships: Map<number, GroupMembershipRecord>;
  readonly organizations: Map<number, OrganizationRecord>;
  readonly ticketFields: Map<number, TicketFieldRecord>;
  readonly triggers: Map<number, TriggerRecord>;
  readonly webhooks: Map<string, WebhookRecord>;
  readonly jobStatuses: Map<string, JobStatusRecord>;
  readonly installations: Map<number, InstallationRecord>;
  /** Account API tokens: any agent's email plus one of these authenticates as that agent. */
  readonly apiTokens: Set<string>;
  /** OAuth access tokens and the user each acts as. */
  readonly oauthTokens: Map<string, number>;
  readonly outbox: OutboxMail[];
  readonly ids: IdSequences;
}

/**
 * Separate id ranges per resource, so a test that passes a user id where a ticket id belongs gets a 404 rather than
 * a lucky hit.
 */
export interface IdSequences {
  ticket: number;
  user: number;
  group: number;
  groupMembership: number;
  organization: number;
  ticketField: number;
  fieldOption: number;
  trigger: number;
  audit: number;
  event: number;
  installation: number;
  mail: number;
}

export function createEmptyState(subdomain: string): EmulatorState {
  return {
    subdomain,
    baseUrl: `https://${subdomain}.zendesk.com`,
    tickets: new Map(),
    deletedTickets: new Map(),
    audits: new Map(),
    users: new Map(),
    groups: new Map(),
    groupMemberships: new Map(),
    organizations: new Map(),
    ticketFields: new Map(),
    triggers: new Map(),
    webhooks: new Map(),
    jobStatuses: new Map(),
    installations: new Map(),
    apiTokens: new Set(),
    oauthTokens: new Map(),
    outbox: [],
    ids: {
      ticket: 1,
      user: 10_001,
      group: 20_001,
      groupMembership: 25_001,
      organization: 30_001,
      ticketField: 360_000_001,
      fieldOption: 370_000_001,
      trigger: 40_001,
      audit: 50_001,
      event: 60_001,
      installation: 80_001,
      mail: 1,
    },
  };
}

/** Takes the next id of one sequence. */
export function nextId(state: EmulatorState, sequence: keyof IdSequences): number {
  const id = state.ids[sequence];
  state.ids[sequence] = id + 1;
  return id;
}
