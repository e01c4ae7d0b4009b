import type { FieldError } from '../../../../core';
import type { AppError } from '../../../load-state';
import { slaServerRequestOptions, type SlaServerCall, type SlaServerIdentity } from '../../../sla-server/sla-server-api';
import type { ZafClient, ZafHttpResponse } from '../../../zaf/zaf-client';

/**
 * The outcome of an admin call. A refusal keeps what the server said about each field (`problems`, paths like
 * `schedule.week.mon[1]`), so that the editor can show it beside the field; the sidebar's CallResult drops it.
 */
export type AdminCallResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: AppError; readonly problems: readonly FieldError[] };

export interface AdminIdentity extends SlaServerIdentity {
  /** Zendesk's role of the signed-in user (`admin`, `agent`): the server may keep settings to admins. */
  readonly role: string;
}

const GATEWAY_STATUSES = [502, 503, 504];

/** Performs one signed call to our server (sla-server-api's options) and never throws for HTTP or network failures. */
export async function callAdmin<T>(client: ZafClient, identity: AdminIdentity, call: SlaServerCall<T>): Promise<AdminCallResult<T>> {
  const options = slaServerRequestOptions(identity, call);
  const jwt = options.jwt && { ...options.jwt, claims: { ...options.jwt.claims, role: identity.role } };
  let response: ZafHttpResponse;
  try {
    response = asResponse(await client.request({ ...options, ...(jwt ? { jwt } : {}) }));
  } catch (rejection) {
    const status = (rejection as { status?: unknown } | null)?.status;
    if (typeof status === 'number' && status > 0) response = rejection as ZafHttpResponse;
    else return { ok: false, error: { kind: 'unreachable', detail: String((rejection as Error)?.message ?? rejection) }, problems: [] };
  }
  if (response.status >= 200 && response.status <= 299) {
    const parsed = call.parse(bodyOf(response));
    return parsed.ok ? parsed : { ok: false, error: { kind: 'invalid_response', detail: parsed.detail }, problems: [] };
  }
  if (GATEWAY_STATUSES.includes(response.status)) {
    return { ok: false, error: { kind: 'unreachable', detail: `status ${response.status}` }, problems: [] };
  }
  const error = (bodyOf(response) as { error?: Record<string, unknown> } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  return { ok: false, error: { kind: 'http', status: response.status, ...(code ? { code } : {}) }, problems: problemsOf(error) };
}

/**
 * Field problems from an error body. The server lists them in `problems` or `details` (each `{path, code, message}`)
 * or names one `path`; a conflict such as `duplicate_name` names its field the same way.
 */
export function problemsOf(error: Record<string, unknown> | undefined): FieldError[] {
  if (!error) return [];
  const listed = [error.problems, error.details].find(Array.isArray) as unknown[] | undefined;
  const problems = (listed ?? []).flatMap((item) => {
    const p = item as Partial<FieldError> | null;
    return p && typeof p.path === 'string' ? [{ path: p.path, code: String(p.code ?? error.code ?? 'invalid'), message: String(p.message ?? ''), ...(p.params ? { params: p.params } : {}) }] : [];
  });
  if (problems.length > 0) return problems;
  if (typeof error.path === 'string') return [{ path: error.path, code: String(error.code ?? 'invalid'), message: String(error.message ?? '') }];
  return [];
}

function asResponse(value: unknown): ZafHttpResponse {
  if (typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number') return value as ZafHttpResponse;
  return { status: 200, responseJSON: value };
}

function bodyOf(response: ZafHttpResponse): unknown {
  if (response.responseJSON !== undefined) return response.responseJSON;
  if (!response.responseText) return undefined;
  try {
    return JSON.parse(response.responseText) as unknown;
  } catch {
    return undefined;
  }
}
