import { createSecretBox, SecretBoxError } from '../../../src/server/store/secret-box';

const box = createSecretBox(Buffer.alloc(32, 1));

describe('createSecretBox', () => {
  it('opens what it sealed, and never seals the same plaintext twice alike (random IV)', () => {
    const a = box.seal('zendesk-token-é');
    const b = box.seal('zendesk-token-é');
    expect(a).not.toBe(b);
    expect(a).not.toContain('zendesk-token');
    expect(box.open(a)).toBe('zendesk-token-é');
    expect(box.open(b)).toBe('zendesk-token-é');
  });

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, body] = box.seal('secret').split('.') as [string, string, string, string];
    const flipped = Buffer.from(body, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64')].join('.'))).toThrow(SecretBoxError);
  });

  it('refuses a value sealed with another key', () => {
    const other = createSecretBox(Buffer.alloc(32, 2));
    expect(() => other.open(box.seal('secret'))).toThrow(/another SLA_ENCRYPTION_KEY/);
  });

  it.each(['', 'plain', 'v2.a.b.c', 'v1.a.b', 'v1.AAAA.AAAA.AAAA'])('refuses the malformed value %j', (value) => {
    expect(() => box.open(value)).toThrow(SecretBoxError);
  });

  it('needs a 32-byte key', () => {
    expect(() => createSecretBox(Buffer.alloc(16))).toThrow(RangeError);
  });
});
