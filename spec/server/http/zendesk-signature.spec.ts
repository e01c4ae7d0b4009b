import { verifyZendeskSignature, zendeskSignature } from '../../../src/server/http/zendesk-signature';

import { signWebhookBody } from '../../../src/sandbox/emulator/webhooks/webhook-signature';

// PLATFORM.md §5.1: Zendesk's test signing secret. The key is the secret string as-is: the vector below is the
// HMAC keyed with the base64 text itself, not with its decoded bytes ("this_secret_is_for_testing_only" gives
// pa/uFbT4…, which the docs' "as-is" rule and the emulator both rule out).
const vector = { secret: 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==', timestamp: '2024-01-01T00:00:00Z', rawBody: '{"a":1}' };

describe('verifyZendeskSignature', () => {
  it('computes base64(HMAC-SHA256(secret, timestamp + body)) as in the platform notes', () => {
    expect(zendeskSignature(vector)).toBe('dyBh/khC4znGCUntyqyr0kA7Q/LF9uwT60UxbW/Xtfw=');
    expect(verifyZendeskSignature({ ...vector, signature: 'dyBh/khC4znGCUntyqyr0kA7Q/LF9uwT60UxbW/Xtfw=' })).toBe(true);
    expect(verifyZendeskSignature({ ...vector, rawBody: Buffer.from(vector.rawBody), signature: 'dyBh/khC4znGCUntyqyr0kA7Q/LF9uwT60UxbW/Xtfw=' })).toBe(true);
  });

  it("accepts what the sandbox's Zendesk emulator signs", () => {
    const signature = signWebhookBody('emulator-secret', '2026-03-02T09:00:00Z', '{"ticket_id":"7"}');
    expect(verifyZendeskSignature({ secret: 'emulator-secret', timestamp: '2026-03-02T09:00:00Z', rawBody: '{"ticket_id":"7"}', signature })).toBe(true);
  });

  it.each([
    ['another body', { rawBody: '{"a":2}' }],
    ['another timestamp', { timestamp: '2024-01-01T00:00:01Z' }],
    ['another secret', { secret: 'x' }],
  ])('refuses the signature for %s', (_what, change) => {
    expect(verifyZendeskSignature({ ...vector, ...change, signature: 'dyBh/khC4znGCUntyqyr0kA7Q/LF9uwT60UxbW/Xtfw=' })).toBe(false);
  });

  it('refuses the body+timestamp order of the older docs, and signatures of the wrong length', () => {
    const swapped = zendeskSignature({ secret: vector.secret, timestamp: vector.rawBody, rawBody: vector.timestamp });
    expect(verifyZendeskSignature({ ...vector, signature: swapped })).toBe(false);
    expect(verifyZendeskSignature({ ...vector, signature: '' })).toBe(false);
    expect(verifyZendeskSignature({ ...vector, signature: 'dyBh' })).toBe(false);
  });
});
