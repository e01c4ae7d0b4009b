import type { WebhookRecord } from '../state/records';
import { parseRetryAfter, type AttemptOutcome } from './webhook-retry-policy';
import { signWebhookBody } from './webhook-signature';

export type WebhookTarget = Pick<
  WebhookRecord,
  'id' | 'endpoint' | 'httpMethod' | 'requestFormat' | 'signingSecret' | 'authentication'
>;

export interface WebhookResponse {
  readonly status: number;
  readonly headers: readonly { readonly key: string; readonly value: string }[];
  readonly body: string;
}

/**
 * One HTTP request as Zendesk sends a webhook: Zendesk's headers, the signature over timestamp + body (GET and
 * DELETE carry no body and sign an empty one), the configured authentication, and a timeout.
 */
export async function sendWebhookRequest(
  target: WebhookTarget,
  request: {
    readonly invocationId: string;
    readonly body: string;
    readonly timestamp: string;
    readonly timeoutMs: number;
    /** Aborts the request (the emulator is closing); reported as a network error. */
    readonly signal?: AbortSignal;
  },
): Promise<{ outcome: AttemptOutcome; response?: WebhookResponse }> {
  const withBody = !['GET', 'DELETE'].includes(target.httpMethod);
  const body = withBody ? request.body : '';
  const headers: Record<string, string> = {
    'user-agent': 'Zendesk Webhook',
    'x-zendesk-webhook-id': target.id,
    'x-zendesk-webhook-invocation-id': request.invocationId,
    'x-zendesk-webhook-signature-timestamp': request.timestamp,
    'x-zendesk-webhook-signature': signWebhookBody(target.signingSecret, request.timestamp, body),
    ...authenticationHeader(target),
  };
  if (withBody) headers['content-type'] = contentType(target.requestFormat);
  // Our own timer rather than AbortSignal.timeout: whether the attempt timed out must not depend on how the
  // runtime names the abort error.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const abort = (): void => controller.abort();
  request.signal?.addEventListener('abort', abort);
  try {
    const response = await fetch(target.endpoint, {
      method: target.httpMethod,
      headers,
      ...(withBody ? { body } : {}),
      signal: controller.signal,
    });
    const text = await response.text().catch(() => '');
    return {
      outcome: { kind: 'response', status: response.status, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')) },
      response: { status: response.status, headers: [...response.headers].map(([key, value]) => ({ key, value })), body: text },
    };
  } catch {
    return { outcome: timedOut ? { kind: 'timeout' } : { kind: 'network_error' } };
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', abort);
  }
}

function authenticationHeader(webhook: WebhookTarget): Record<string, string> {
  const auth = webhook.authentication;
  if (!auth) return {};
  if (auth.type === 'bearer_token') return { authorization: `Bearer ${auth.data.token}` };
  if (auth.type === 'basic_auth') {
    return { authorization: `Basic ${Buffer.from(`${auth.data.username}:${auth.data.password}`).toString('base64')}` };
  }
  return { [auth.data.name.toLowerCase()]: auth.data.value };
}

const contentType = (format: WebhookTarget['requestFormat']): string =>
  format === 'json' ? 'application/json' : format === 'xml' ? 'application/xml' : 'application/x-www-form-urlencoded';
