/**
 * A small JSON client for the emulated Zendesk, used by the desk's server and the demo seed. Agent calls go to
 * `/api/v2` with API-token auth as one user (the emulator acts as whichever user's email goes with the token, as
 * Zendesk does); `sandbox` calls go to the emulator's admin routes (`/__sandbox`), which need no auth.
 */
export interface ZendeskCredentials {
  readonly email: string;
  readonly apiToken: string;
}

export interface ZendeskApi {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  /** Another client for the same account, acting as the user with `email`. */
  as(email: string): ZendeskApi;
}

/** A non-2xx answer, with Zendesk's error body as it came. */
export class ZendeskApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    request: string,
  ) {
    super(`${request} answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'ZendeskApiError';
  }
}

/** Zendesk's API-token Basic auth: the request acts as the user with `email`. */
export function basicAuthorization(email: string, apiToken: string): string {
  return `Basic ${Buffer.from(`${email}/token:${apiToken}`).toString('base64')}`;
}

export function zendeskApi(baseUrl: string, credentials: ZendeskCredentials): ZendeskApi {
  const authorization = basicAuthorization(credentials.email, credentials.apiToken);
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const isAdminRoute = path.startsWith('/__sandbox/');
    const response = await fetch(`${baseUrl}${isAdminRoute ? '' : '/api/v2'}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(isAdminRoute ? {} : { authorization }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = text === '' ? null : (JSON.parse(text) as unknown);
    if (!response.ok) throw new ZendeskApiError(response.status, json, `${method} ${path}`);
    return json as T;
  };
  return {
    baseUrl,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    put: (path, body) => call('PUT', path, body),
    as: (email) => zendeskApi(baseUrl, { ...credentials, email }),
  };
}
