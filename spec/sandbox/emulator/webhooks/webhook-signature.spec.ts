import { signWebhookBody } from '../../../../src/sandbox/emulator';

describe('signWebhookBody', () => {
  // The key is the secret text exactly as Zendesk shows it (here the base64-looking test secret), not its decoding:
  // that is what PLATFORM.md's computed vector matches.
  it('signs timestamp + body with the secret text as the key (vector computed in PLATFORM.md §5.1)', () => {
    expect(signWebhookBody('dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==', '2024-01-01T00:00:00Z', '{"a":1}')).toBe(
      'dyBh/khC4znGCUntyqyr0kA7Q/LF9uwT60UxbW/Xtfw=',
    );
  });

  it('puts the timestamp first: the docs example secret gives the current-docs signature, not the old body-first one', () => {
    const signature = signWebhookBody('HRkRd4BeOAoUkfZr-mhauJT64rvBASlJRoIyPsd3zeA=', '2021-07-25T10:00:00Z', '{"say": "hello"}');
    expect(signature).toBe('Rry/4TtIdFyawtXXp8QdI6tlAUUQ/5kL1OTp5qo/ZIk=');
    expect(signature).not.toBe('tRDSF7URY8BLCDlaBcQ7FHu051Zk+aAB0NKMP53teMw=');
  });
});
