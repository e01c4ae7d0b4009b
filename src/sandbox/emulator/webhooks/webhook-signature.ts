import { createHmac } from 'node:crypto';

/**
 * Zendesk's webhook signature: base64(HMAC-SHA256(key = the signing secret as-is, message = TIMESTAMP + BODY)),
 * sent in `X-Zendesk-Webhook-Signature` with the timestamp in `X-Zendesk-Webhook-Signature-Timestamp`.
 * (PLATFORM.md §5.1: the current docs and every third-party verifier use timestamp + body.)
 */
export function signWebhookBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(timestamp + body).digest('base64');
}
