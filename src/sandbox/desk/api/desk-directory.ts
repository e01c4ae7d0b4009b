import { listAll } from './list-all';
import type { ZendeskApi } from './zendesk-api';
import type { NamedJson, RequirementJson, TicketFieldJson, TicketJson, UserJson } from './zendesk-json';

/** The SLA fields the app installed, found through the installation's requirements (as the app itself finds them). */
export interface SlaFields {
  readonly statusFieldId: number | null;
  readonly nextDueFieldId: number | null;
  /** Option value (tag) → its name, e.g. `sla_status_due_soon` → "Due soon". */
  readonly statusNames: Readonly<Record<string, string>>;
  /** Identifier → id, for the app's `requirement:<identifier>` lookups. */
  readonly requirements: Readonly<Record<string, { readonly requirement_id: number; readonly requirement_type: string }>>;
}

/** Who and what the desk names in its pages: users, groups, organizations and the SLA fields. */
export interface DeskDirectory {
  readonly users: ReadonlyMap<number, UserJson>;
  readonly groups: ReadonlyMap<number, NamedJson>;
  readonly organizations: ReadonlyMap<number, NamedJson>;
  readonly sla: SlaFields;
}

const NO_SLA_FIELDS: SlaFields = { statusFieldId: null, nextDueFieldId: null, statusNames: {}, requirements: {} };

export async function loadDirectory(api: ZendeskApi, installationId: number | null): Promise<DeskDirectory> {
  const [users, groups, organizations, sla] = await Promise.all([
    listAll<UserJson>(api, '/users', 'users'),
    listAll<NamedJson>(api, '/groups', 'groups'),
    listAll<NamedJson>(api, '/organizations', 'organizations'),
    installationId === null ? NO_SLA_FIELDS : loadSlaFields(api, installationId),
  ]);
  const byId = <T extends { id: number }>(items: T[]) => new Map(items.map((item) => [item.id, item]));
  return { users: byId(users), groups: byId(groups), organizations: byId(organizations), sla };
}

async function loadSlaFields(api: ZendeskApi, installationId: number): Promise<SlaFields> {
  const { requirements } = await api.get<{ requirements: RequirementJson[] }>(`/apps/installations/${installationId}/requirements`);
  const idOf = (identifier: string) => requirements.find((r) => r.identifier === identifier)?.requirement_id ?? null;
  const statusFieldId = idOf('sla_status');
  const statusField = statusFieldId === null ? null : (await api.get<{ ticket_field: TicketFieldJson }>(`/ticket_fields/${statusFieldId}`)).ticket_field;
  return {
    statusFieldId,
    nextDueFieldId: idOf('sla_next_due_at'),
    statusNames: Object.fromEntries((statusField?.custom_field_options ?? []).map((o) => [o.value, o.name])),
    requirements: Object.fromEntries(requirements.map((r) => [r.identifier, { requirement_id: r.requirement_id, requirement_type: r.requirement_type }])),
  };
}

/** A custom field's value on a ticket, as a string (null when unset). */
export function customFieldValue(ticket: TicketJson, fieldId: number | null): string | null {
  if (fieldId === null) return null;
  const value = ticket.custom_fields.find((f) => f.id === fieldId)?.value;
  return value === undefined || value === null || value === false ? null : String(value);
}

/** The SLA status and next due time the server wrote on a ticket, as the list and the clock control read them. */
export function ticketSla(ticket: TicketJson, sla: SlaFields): { status: string | null; statusName: string | null; nextDueAt: string | null } {
  const status = customFieldValue(ticket, sla.statusFieldId);
  return { status, statusName: status === null ? null : (sla.statusNames[status] ?? status), nextDueAt: customFieldValue(ticket, sla.nextDueFieldId) };
}
