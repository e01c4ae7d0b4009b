import type { AppError, CallResult } from '../load-state';
import type { ZafClient, ZafHttpResponse, ZafRequestOptions } from '../zaf/zaf-client';

/**
 * Typed calls from the app to our server. Every call goes through Zendesk's proxy (`secure: true`), which
 * substitutes the secure `sharedSecret` setting into a JWT it signs (HS256, 5 minutes), so the secret never
 * reaches the agent's browser. The server verifies the token with the same secret and reads:
 * - `iss`: the Zendesk subdomain (which account is asking: one server serves many);
 * - `sub`: the Zendesk user id of the agent.
 */
export interface SlaServerIdentity {
  /** `metadata.settings.serverUrl`, e.g. `https://sla.example.com` (no trailing slash needed). */
  readonly serverUrl: string;
  readonly subdomain: string;
  readonly userId: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SlaServerCall<T> {
  readonly method: HttpMethod;
  /** Starts with `/`, e.g. `/api/tickets/42/sla`. */
  readonly path: string;
  readonly body?: unknown;
  /** Checks the 2xx body's shape; returns the value, or a description of what is wrong. */
  readonly parse: (body: unknown) => { ok: true; value: T } | { ok: false; detail: string };
}

/** JWT lifetime in seconds: long enough for a slow proxy, short enough that a leaked token soon expires. */
export const JWT_EXPIRY_SECONDS = 300;

export function slaServerRequestOptions(identity: SlaServerIdentity, call: SlaServerCall<unknown>): ZafRequestOptions {
  return {
    url: identity.serverUrl.replace(/\/+$/, '') + call.path,
    type: call.method,
    // A JSON content type only with a JSON body: a bodiless DELETE labelled JSON is refused by strict servers.
    ...(call.body === undefined ? {} : { contentType: 'application/json', data: JSON.stringify(call.body) }),
    secure: true,
    jwt: {
      algorithm: 'HS256',
      secret_key: '{{setting.sharedSecret}}',
      expiry: JWT_EXPIRY_SECONDS,
      claims: { iss: identity.subdomain, sub: String(identity.userId) },
    },
    headers: { Authorization: 'Bearer {{jwt.token}}' },
    httpCompleteResponse: true,
  };
}

/** Performs one call; never throws for an HTTP or network failure (those are `AppError`s). */
export async function callSlaServer<T>(
  client: ZafClient,
  identity: SlaServerIdentity,
  call: SlaServerCall<T>,
): Promise<CallResult<T>> {
  let response: ZafHttpResponse;
  try {
    response = asHttpResponse(await client.request(slaServerRequestOptions(identity, call)));
  } catch (rejection) {
    return { ok: false, error: errorOfRejection(rejection) };
  }
  if (response.status < 200 || response.status > 299) return { ok: false, error: httpError(response) };
  const parsed = call.parse(bodyOf(response));
  return parsed.ok ? { ok: true, value: parsed.value } : { ok: false, error: { kind: 'invalid_response', detail: parsed.detail } };
}

function asHttpResponse(value: unknown): ZafHttpResponse {
  if (typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number') {
    return value as ZafHttpResponse;
  }
  // Without a status the proxy did not give us httpCompleteResponse's shape: treat the value as the body.
  return { status: 200, responseJSON: value };
}

/** The proxy rejects with an xhr-like object; status 0 (or none) means no HTTP answer came back. */
function errorOfRejection(rejection: unknown): AppError {
  const status = (rejection as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status > 0) return httpError(rejection as ZafHttpResponse);
  const detail = rejection instanceof Error ? rejection.message : String((rejection as { statusText?: unknown })?.statusText ?? rejection);
  return { kind: 'unreachable', detail };
}

/** Gateway statuses mean our server did not answer (Zendesk's proxy could not reach it, or it is down). */
const GATEWAY_STATUSES = [502, 503, 504];

function httpError(response: ZafHttpResponse): AppError {
  if (GATEWAY_STATUSES.includes(response.status)) return { kind: 'unreachable', detail: `status ${response.status}` };
  const code = (bodyOf(response) as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? { kind: 'http', status: response.status, code } : { kind: 'http', status: response.status };
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
