import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import { formatZendeskTime } from '../../clock/zendesk-time';
import { isJsonObject } from '../../state/input';
import { requireWebhook, webhookInvalid } from '../../state/webhooks';
import { sendWebhookRequest, type WebhookTarget } from '../../webhooks/webhook-request';
import { requireRole } from '../authenticate';
import { queryOf, type EmulatorRuntime } from '../emulator-runtime';

/** Zendesk signs test requests for webhooks that do not exist yet with this published secret (PLATFORM.md §5.1). */
export const TEST_SIGNING_SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';

/**
 * POST /webhooks/test[?webhook_id=]: sends one request now and answers with what the endpoint answered. An existing
 * webhook lends its signing secret and authentication; otherwise the test secret signs and the request's own
 * `authentication` is used. No retries, as in Zendesk's "Test webhook".
 */
export function registerWebhookTestRoute(app: FastifyInstance, runtime: EmulatorRuntime): void {
  app.post('/api/v2/webhooks/test', async (request) => {
    requireRole(runtime.actor(request), 'admin');
    const input = isJsonObject(request.body) && isJsonObject(request.body.request) ? request.body.request : undefined;
    if (!input || typeof input.endpoint !== 'string' || !/^https?:\/\/\S+$/.test(input.endpoint)) {
      throw webhookInvalid('/request/endpoint', 'Endpoint must be a valid http or https URL');
    }
    const webhookId = queryOf(request).webhook_id;
    const existing = webhookId === undefined ? undefined : requireWebhook(runtime.state, webhookId);
    const target: WebhookTarget = {
      id: existing?.id ?? '',
      endpoint: input.endpoint,
      httpMethod: (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).find((m) => m === input.http_method) ?? 'POST',
      requestFormat: (['json', 'xml', 'form_encoded'] as const).find((f) => f === input.request_format) ?? 'json',
      signingSecret: existing?.signingSecret ?? TEST_SIGNING_SECRET,
      authentication: existing?.authentication ?? null,
    };
    const result = await sendWebhookRequest(target, {
      invocationId: randomUUID(),
      body: typeof input.payload === 'string' ? input.payload : JSON.stringify(input.payload ?? {}),
      timestamp: formatZendeskTime(runtime.clock.now()),
      timeoutMs: 12_000,
    });
    if (!result.response) {
      return { response: { status: result.outcome.kind === 'timeout' ? 504 : 502, headers: [], body: result.outcome.kind } };
    }
    return { response: result.response };
  });
}
