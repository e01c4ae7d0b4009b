import { randomBytes } from 'node:crypto';
import { ApiError } from './api-error';
import type { EmulatorState } from './emulator-state';
import { isJsonObject, type JsonObject } from './input';
import { WEBHOOK_METHODS, type WebhookAuthentication, type WebhookMethod, type WebhookRecord } from './records';

/**
 * The Webhooks API answers errors in its own JSON:API-like shape, not the Support API's `{error, description}`:
 * `{"errors":[{"code","title","detail","source":{"pointer"}}]}`.
 */
export const webhookInvalid = (pointer: string, detail: string): ApiError =>
  new ApiError(400, { errors: [{ code: 'InvalidInput', title: 'Invalid input', detail, source: { pointer } }] });

export const webhookNotFound = (): ApiError =>
  new ApiError(404, { errors: [{ code: 'WebhookNotFound', title: 'Webhook not found', detail: 'Webhook not found' }] });

const FORMATS = ['json', 'xml', 'form_encoded'] as const;

export function createWebhook(state: EmulatorState, input: JsonObject, actorId: number, nowMs: number): WebhookRecord {
  const fields = readWebhookFields(input, undefined);
  const subscriptions = Array.isArray(input.subscriptions) ? input.subscriptions.map(String) : [];
  if (subscriptions.length === 0) throw webhookInvalid('/webhook/subscriptions', 'Subscriptions cannot be empty');
  // Event-subscribed webhooks must be POST + json; the two connection modes cannot be mixed.
  const eventSubscribed = subscriptions.some((s) => s.startsWith('zen:event-type:'));
  if (eventSubscribed && subscriptions.includes('conditional_ticket_events')) {
    throw webhookInvalid('/webhook/subscriptions', 'A webhook is either connected to triggers or subscribed to events');
  }
  if (eventSubscribed && (fields.httpMethod !== 'POST' || fields.requestFormat !== 'json')) {
    throw webhookInvalid('/webhook/http_method', 'Event-subscribed webhooks must use POST and json');
  }
  const provided = isJsonObject(input.signing_secret) ? input.signing_secret.secret : undefined;
  const webhook: WebhookRecord = {
    id: newWebhookId(),
    ...fields,
    subscriptions,
    signingSecret: typeof provided === 'string' && provided !== '' ? provided : newSigningSecret(),
    createdAt: nowMs,
    createdBy: actorId,
    updatedAt: nowMs,
    updatedBy: actorId,
  };
  state.webhooks.set(webhook.id, webhook);
  return webhook;
}

/** PUT replaces the editable properties; PATCH (`merge: true`) changes only those sent. Subscriptions never change. */
export function updateWebhook(
  state: EmulatorState,
  id: string,
  input: JsonObject,
  options: { readonly merge: boolean; readonly actorId: number; readonly nowMs: number },
): WebhookRecord {
  const webhook = requireWebhook(state, id);
  Object.assign(webhook, readWebhookFields(input, options.merge ? webhook : undefined));
  webhook.updatedAt = options.nowMs;
  webhook.updatedBy = options.actorId;
  return webhook;
}

export function requireWebhook(state: EmulatorState, id: string): WebhookRecord {
  const webhook = state.webhooks.get(id);
  if (!webhook) throw webhookNotFound();
  return webhook;
}

export function resetSigningSecret(state: EmulatorState, id: string): WebhookRecord {
  const webhook = requireWebhook(state, id);
  webhook.signingSecret = newSigningSecret();
  return webhook;
}

type EditableFields = Pick<
  WebhookRecord,
  'name' | 'description' | 'status' | 'endpoint' | 'httpMethod' | 'requestFormat' | 'authentication'
>;

function readWebhookFields(input: JsonObject, base: EditableFields | undefined): EditableFields {
  const pick = <T>(key: string, fallback: T | undefined): unknown => (input[key] === undefined ? fallback : input[key]);
  const name = pick('name', base?.name);
  if (typeof name !== 'string' || name.trim() === '') throw webhookInvalid('/webhook/name', 'Name is required');
  const endpoint = pick('endpoint', base?.endpoint);
  if (typeof endpoint !== 'string' || !/^https?:\/\/\S+$/.test(endpoint)) {
    throw webhookInvalid('/webhook/endpoint', 'Endpoint must be a valid http or https URL');
  }
  const method = pick('http_method', base?.httpMethod);
  if (!(WEBHOOK_METHODS as readonly unknown[]).includes(method)) throw webhookInvalid('/webhook/http_method', 'Invalid http_method');
  const format = pick('request_format', base?.requestFormat);
  if (!(FORMATS as readonly unknown[]).includes(format)) throw webhookInvalid('/webhook/request_format', 'Invalid request_format');
  const status = pick('status', base?.status);
  if (status !== 'active' && status !== 'inactive') throw webhookInvalid('/webhook/status', 'Status must be active or inactive');
  const description = pick('description', base?.description ?? '');
  return {
    name,
    description: typeof description === 'string' ? description : '',
    status,
    endpoint,
    httpMethod: method as WebhookMethod,
    requestFormat: format as EditableFields['requestFormat'],
    authentication: input.authentication === undefined ? (base?.authentication ?? null) : readAuthentication(input.authentication),
  };
}

function readAuthentication(raw: unknown): WebhookAuthentication | null {
  if (raw === null) return null;
  const data = isJsonObject(raw) && isJsonObject(raw.data) ? raw.data : {};
  const str = (key: string): string => (typeof data[key] === 'string' ? String(data[key]) : '');
  const type = isJsonObject(raw) ? raw.type : undefined;
  if (type === 'bearer_token' && str('token')) return { type, add_position: 'header', data: { token: str('token') } };
  if (type === 'basic_auth' && str('username')) {
    return { type, add_position: 'header', data: { username: str('username'), password: str('password') } };
  }
  if (type === 'api_key' && str('name')) return { type, add_position: 'header', data: { name: str('name'), value: str('value') } };
  throw webhookInvalid('/webhook/authentication', 'Authentication must be bearer_token, basic_auth or api_key with its data');
}

/** Zendesk's webhook ids are 26-character ULIDs such as "01GA1CYXTFWA4ZH1ARQPHBXV8F". */
function newWebhookId(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  return '01' + [...randomBytes(24)].map((byte) => alphabet[byte % 32]).join('');
}

function newSigningSecret(): string {
  return randomBytes(32).toString('base64url');
}
