import type { SlaPolicy } from '../../../../core';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, noBody, parseList, parseOne, type Parsed } from './parse-body';

/** What the server keeps per policy: the row (`id`, `position`) and its current version's body. */
export interface SavedPolicy {
  readonly policy: SlaPolicy;
  readonly version: number;
  readonly savedAt: number | string | null;
}

/** How a saved change reaches tickets already open: recomputed now, or only tickets created from now on. */
export type ApplyMode = 'recompute_open' | 'new_tickets_only';

/** The body the server versions: the policy without the row's `id` and `position`. */
export type PolicyBody = Omit<SlaPolicy, 'id' | 'position'>;

export const bodyOf = ({ id: _id, position: _position, ...body }: SlaPolicy): PolicyBody => body;

function savedPolicy(value: Record<string, unknown>): SavedPolicy | null {
  const body = isObject(value.body) ? value.body : value;
  if (typeof value.id !== 'string' || typeof body.title !== 'string' || !Array.isArray(body.targets)) return null;
  const filter = isObject(body.filter) ? body.filter : {};
  const policy = {
    id: value.id,
    position: typeof value.position === 'number' ? value.position : 0,
    title: body.title,
    description: typeof body.description === 'string' ? body.description : '',
    active: body.active !== false,
    filter: { all: Array.isArray(filter.all) ? filter.all : [], any: Array.isArray(filter.any) ? filter.any : [] },
    targets: body.targets,
  } as SlaPolicy;
  return { policy, version: typeof value.version === 'number' ? value.version : 1, savedAt: (value.savedAt as number | undefined) ?? null };
}

export const listPoliciesCall: SlaServerCall<SavedPolicy[]> = {
  method: 'GET',
  path: '/api/policies',
  parse: (body) => {
    const parsed = parseList(body, 'policies', savedPolicy);
    return parsed.ok ? { ok: true, value: [...parsed.value].sort((a, b) => a.policy.position - b.policy.position) } : parsed;
  },
};

const parseSaved = (body: unknown) => parseOne(body, 'policy', savedPolicy);

export const createPolicyCall = (policy: SlaPolicy, apply: ApplyMode): SlaServerCall<SavedPolicy> => ({
  method: 'POST',
  path: '/api/policies',
  body: { policy: bodyOf(policy), apply },
  parse: parseSaved,
});

export const updatePolicyCall = (policy: SlaPolicy, expectedVersion: number, apply: ApplyMode): SlaServerCall<SavedPolicy> => ({
  method: 'PUT',
  path: `/api/policies/${encodeURIComponent(policy.id)}`,
  body: { policy: bodyOf(policy), expectedVersion, apply },
  parse: parseSaved,
});

export const deletePolicyCall = (id: string, apply: ApplyMode): SlaServerCall<null> => ({
  method: 'DELETE',
  path: `/api/policies/${encodeURIComponent(id)}?apply=${apply}`,
  parse: noBody,
});

/** The order breaks ties between equally specific policies, so it too can move open tickets' due times. */
export const reorderPoliciesCall = (ids: readonly string[], apply: ApplyMode): SlaServerCall<null> => ({
  method: 'PUT',
  path: '/api/policies/order',
  body: { ids, apply },
  parse: noBody,
});

/** One open ticket whose SLA would change if the policies were saved as given. */
export interface ImpactChange {
  readonly ticketId: string;
  readonly metric: string;
  readonly change: string;
  readonly dueBefore: string | null;
  readonly dueAfter: string | null;
}

export interface Impact {
  readonly changes: readonly ImpactChange[];
  /** The server looked at only part of the open tickets (a large account): say so. */
  readonly truncated: boolean;
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? new Date(value).toISOString() : null);

function parseImpact(body: unknown): Parsed<Impact> {
  const changes = parseList(body, 'changes', (c) =>
    c.ticketId === undefined ? null : { ticketId: String(c.ticketId), metric: String(c.metric ?? ''), change: String(c.change ?? ''), dueBefore: text(c.dueBefore), dueAfter: text(c.dueAfter) },
  );
  if (!changes.ok) return changes;
  return { ok: true, value: { changes: changes.value, truncated: isObject(body) && body.truncated === true } };
}

/** The open tickets whose due times would move if `policies` (the whole list, as it would be) were saved. */
export const previewImpactCall = (policies: readonly SlaPolicy[]): SlaServerCall<Impact> => ({
  method: 'POST',
  path: '/api/policies/preview-impact',
  body: { policies },
  parse: parseImpact,
});
