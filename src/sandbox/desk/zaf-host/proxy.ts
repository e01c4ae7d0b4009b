import { SignJWT } from 'jose';
import type { ZafRequestOptions } from '../../../app/zaf/zaf-client';
import { proxyError, type ProxyResponse } from './proxy-response';

/**
 * The desk's stand-in for Zendesk's request proxy (node side, where the secrets live). For a `secure: true`
 * request it does what Zendesk does: refuses hosts outside the manifest's domainWhitelist, substitutes
 * `{{setting.<name>}}` (secure settings included) in the url, headers and body, signs `jwt` (HS256) and puts the
 * token where `{{jwt.token}}` stands. The browser only ever holds the placeholders.
 */
export interface ZafProxyOptions {
  /** Every setting of the installation, secure ones included. */
  readonly settings: Readonly<Record<string, string | number | boolean>>;
  readonly domainWhitelist: readonly string[];
  readonly fetch?: typeof fetch;
  /** Milliseconds since the epoch, for the token's iat/exp. */
  readonly now?: () => number;
  /**
   * The account's own API, where Zendesk's proxy sends a relative `/api/v2/...` url as the signed-in agent (their
   * session there; an API token here). Without it such urls are refused as before.
   */
  readonly account?: AccountApi;
}

export interface AccountApi {
  /** The account's origin, e.g. the emulator's http://127.0.0.1:4010. */
  readonly baseUrl: string;
  /** The signed-in agent's `Authorization` header value. */
  readonly authorization: string;
}

export type ZafProxy = (options: ZafRequestOptions) => Promise<ProxyResponse>;

const SETTING = /\{\{\s*setting\.(\w+)\s*\}\}/g;
const JWT_TOKEN = /\{\{\s*jwt\.token\s*\}\}/g;

export function createZafProxy({ settings, domainWhitelist, fetch: doFetch = fetch, now = Date.now, account }: ZafProxyOptions): ZafProxy {
  const substitute = (text: string) =>
    text.replace(SETTING, (whole, name: string) => (name in settings ? String(settings[name]) : whole));

  return async (options) => {
    if (account && !options.secure && options.url.startsWith('/')) return forwardToAccount(doFetch, account, options);
    const url = safeUrl(options.secure ? substitute(options.url) : options.url);
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      return proxyError(400, 'Bad Request', 'invalid_url', `cannot request "${options.url}"`);
    }
    if (options.secure && !domainWhitelist.some((domain) => domain.toLowerCase() === url.hostname.toLowerCase())) {
      return proxyError(403, 'Forbidden', 'domain_not_whitelisted', `${url.hostname} is not in the manifest's domainWhitelist`);
    }
    let token: string | null = null;
    if (options.secure && options.jwt) {
      const secret = substitute(options.jwt.secret_key);
      if (/\{\{\s*setting\./.test(secret)) {
        return proxyError(400, 'Bad Request', 'unknown_setting', 'jwt.secret_key names a setting the installation lacks');
      }
      token = await signJwt(options.jwt, secret, now());
    }
    const fill = (text: string) => {
      const withSettings = options.secure ? substitute(text) : text;
      return token === null ? withSettings : withSettings.replace(JWT_TOKEN, token);
    };
    return forward(doFetch, {
      url: fill(url.toString()),
      method: options.type ?? 'GET',
      headers: Object.fromEntries(
        Object.entries({ ...(options.contentType ? { 'Content-Type': options.contentType } : {}), ...options.headers }).map(
          ([name, value]) => [name, fill(value)],
        ),
      ),
      body: options.data === undefined ? undefined : fill(options.data),
    });
  };
}

/** Account API paths: anything else relative (or a path that `..` walks out of /api/v2/) stays refused. */
const ACCOUNT_API = '/api/v2/';

/**
 * A relative url, as Zendesk runs it: against the account's API as the signed-in agent, whose authorization
 * replaces any the app sent. Secure requests never come here (secure settings go only to whitelisted hosts).
 */
async function forwardToAccount(doFetch: typeof fetch, account: AccountApi, options: ZafRequestOptions): Promise<ProxyResponse> {
  const base = new URL(account.baseUrl);
  const url = safeUrl(options.url.startsWith('//') ? '' : `${base.origin}${options.url}`);
  if (!url || url.origin !== base.origin || !url.pathname.startsWith(ACCOUNT_API)) {
    return proxyError(400, 'Bad Request', 'invalid_url', `cannot request "${options.url}"`);
  }
  const headers = Object.fromEntries(
    Object.entries({ ...(options.contentType ? { 'Content-Type': options.contentType } : {}), ...options.headers }).filter(
      ([name]) => name.toLowerCase() !== 'authorization',
    ),
  );
  return forward(doFetch, {
    url: url.toString(),
    method: options.type ?? 'GET',
    headers: { ...headers, Authorization: account.authorization },
    body: options.data,
  });
}

async function signJwt(jwt: NonNullable<ZafRequestOptions['jwt']>, secret: string, nowMs: number): Promise<string> {
  const issuedAt = Math.floor(nowMs / 1000);
  return new SignJWT({ ...jwt.claims })
    .setProtectedHeader({ alg: jwt.algorithm, typ: 'JWT' })
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + jwt.expiry)
    .sign(new TextEncoder().encode(secret));
}

interface Outgoing {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
}

async function forward(doFetch: typeof fetch, request: Outgoing): Promise<ProxyResponse> {
  try {
    const response = await doFetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
    });
    return {
      status: response.status,
      statusText: response.statusText,
      headers: Object.fromEntries(response.headers.entries()),
      responseText: await response.text(),
    };
  } catch (cause) {
    return proxyError(502, 'Bad Gateway', 'upstream_unreachable', (cause as Error).message);
  }
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
