/**
 * ZafClient: the part of Zendesk's ZAF v2 SDK (`window.ZAFClient.init()`) that this app uses, typed.
 * The SDK object itself satisfies this interface; nothing wraps it at run time. Shapes follow Zendesk's client API
 * (https://developer.zendesk.com/api-reference/apps/apps-core-api/client_api/) and shared/zendesk/PLATFORM.md §1.
 */

export type ZafLocation = 'ticket_sidebar' | 'new_ticket_sidebar' | 'nav_bar' | 'top_bar' | 'background' | 'modal';

export type TicketStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export type TicketPriority = 'low' | 'normal' | 'high' | 'urgent';

/** `context` of `app.registered`: where this instance of the app runs. */
export interface ZafContext {
  readonly instanceGuid: string;
  readonly product: 'support';
  readonly location: ZafLocation;
  readonly account: { readonly subdomain: string };
  /** Present in ticket locations. */
  readonly ticketId?: number;
}

/** `metadata` of `app.registered`. `settings` holds the non-secure parameters only: secure ones never reach us. */
export interface ZafMetadata {
  readonly appId: number;
  readonly installationId: number;
  readonly name: string;
  readonly version: string;
  readonly settings: { readonly serverUrl?: string; readonly [name: string]: unknown };
}

export interface ZafRegistration {
  readonly context: ZafContext;
  readonly metadata: ZafMetadata;
}

/** ZAF's time zone object (`currentUser.timeZone`): `ianaName` is what luxon needs. */
export interface ZafTimeZone {
  readonly name: string;
  readonly ianaName: string;
  readonly offset: number;
  readonly formattedOffset: string;
}

export interface ZafUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly locale: string;
  readonly timeZone: ZafTimeZone;
  readonly role: string;
}

/** `ticket.assignee`: the assigned agent and group (ids and names), as the agent's form holds them before saving. */
export interface ZafTicketAssignee {
  readonly user: { readonly id: number; readonly name: string } | null;
  readonly group: { readonly id: number; readonly name: string } | null;
}

/** `requirement:<identifier>`: the ids Zendesk gave the resources of requirements.json in this account. */
export interface ZafRequirement {
  readonly requirement_id: number | string;
  readonly requirement_type: string;
}

/** The value type of each path we `get`. */
export interface ZafPathValues {
  readonly 'ticket.id': number;
  readonly 'ticket.status': TicketStatus;
  readonly 'ticket.priority': TicketPriority | null;
  readonly 'ticket.type': string | null;
  /** Group and assignee are one property in ZAF: `{ user, group }`, either null when unset. */
  readonly 'ticket.assignee': ZafTicketAssignee;
  readonly 'ticket.organization': { readonly id: number; readonly name: string } | null;
  readonly 'ticket.tags': readonly string[];
  readonly 'ticket.updatedAt': string;
  readonly currentUser: ZafUser;
  readonly 'currentUser.id': number;
  readonly 'currentUser.locale': string;
  readonly 'currentUser.timeZone': ZafTimeZone;
}

export type CustomFieldPath = `ticket.customField:custom_field_${number}`;
export type RequirementPath = `requirement:${string}`;
export type ZafPath = keyof ZafPathValues | CustomFieldPath | RequirementPath;

export type ZafValue<P extends ZafPath> = P extends keyof ZafPathValues
  ? ZafPathValues[P]
  : P extends CustomFieldPath
    ? string | null
    : P extends RequirementPath
      ? ZafRequirement
      : never;

export interface ZafPathError {
  readonly message: string;
  readonly name?: string;
  readonly path?: string;
}

/** A `get` answer: one entry per path asked that the host could answer, and `errors` for the others. */
export type ZafGetResult<P extends ZafPath> = { readonly [K in P]?: ZafValue<K> } & {
  readonly errors: Readonly<Record<string, ZafPathError>>;
};

/** The options of `client.request` that we use (jQuery-style, as Zendesk's proxy takes them). */
export interface ZafRequestOptions {
  readonly url: string;
  readonly type?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly contentType?: string;
  readonly data?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Through Zendesk's proxy, which substitutes `{{setting.x}}` (secure settings included) and signs `jwt`. */
  readonly secure?: boolean;
  readonly cors?: boolean;
  readonly jwt?: {
    readonly algorithm: 'HS256';
    readonly secret_key: string;
    /** Seconds the token is valid. */
    readonly expiry: number;
    readonly claims: Readonly<Record<string, string | number>>;
  };
  readonly httpCompleteResponse?: boolean;
  readonly timeout?: number;
}

/** What `request` resolves with when `httpCompleteResponse: true`, and what it rejects with on a failed call. */
export interface ZafHttpResponse {
  readonly status: number;
  readonly responseText?: string;
  readonly responseJSON?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly statusText?: string;
}

export type ZafEventHandler = (payload: unknown) => unknown;

export interface ZafClient {
  get<P extends ZafPath>(path: P | readonly P[]): Promise<ZafGetResult<P>>;
  set(path: string, value: unknown): Promise<{ readonly errors: Readonly<Record<string, ZafPathError>> }>;
  invoke(name: string, ...args: readonly unknown[]): Promise<unknown>;
  request(options: ZafRequestOptions): Promise<unknown>;
  on(event: string, handler: ZafEventHandler): void;
  off(event: string, handler: ZafEventHandler): void;
  context(): Promise<ZafContext>;
  metadata(): Promise<ZafMetadata>;
}

/** The SDK's global, as Zendesk's CDN script defines it. `init` returns false outside a Zendesk iframe. */
export interface ZafSdk {
  init(): ZafClient | false;
}

declare global {
  interface Window {
    ZAFClient?: ZafSdk;
  }
}

/** Thrown when a single-path `get` comes back without its value (the SDK rejects on a per-path error itself). */
export class ZafPathMissingError extends Error {
  constructor(readonly path: string) {
    super(`ZAF returned no value for "${path}"`);
    this.name = 'ZafPathMissingError';
  }
}

/** Reads one path and returns its value. */
export async function getZafValue<P extends ZafPath>(client: ZafClient, path: P): Promise<ZafValue<P>> {
  const result = await client.get(path);
  if (!(path in result)) throw new ZafPathMissingError(path);
  return (result as Record<string, unknown>)[path] as ZafValue<P>;
}
