import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Zendesk signs each webhook request as base64(HMAC-SHA256(key = signing secret as-is, message = timestamp + raw
 * body)), sent in `X-Zendesk-Webhook-Signature` with the timestamp in `X-Zendesk-Webhook-Signature-Timestamp`
 * (https://developer.zendesk.com/documentation/webhooks/verifying/; PLATFORM.md §5.1 on the older, conflicting
 * body+timestamp text). The body must be the exact bytes received: re-serialized JSON would not match.
 */
export function zendeskSignature({ secret, timestamp, rawBody }: { secret: string; timestamp: string; rawBody: Buffer | string }): string {
  return createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');
}

/** Constant-time comparison, so response timing does not tell an attacker how much of a forgery was right. */
export function verifyZendeskSignature(input: { secret: string; timestamp: string; rawBody: Buffer | string; signature: string }): boolean {
  const expected = Buffer.from(zendeskSignature(input), 'utf8');
  const given = Buffer.from(input.signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
