import { parseRetryAfter, retryDelayMs } from '../../../../src/sandbox/emulator/webhooks/webhook-retry-policy';

const response = (status: number, retryAfterSeconds?: number) => ({ kind: 'response' as const, status, retryAfterSeconds });

describe('retryDelayMs (Zendesk webhook retries)', () => {
  it.each([
    ['2xx', response(200), 1, undefined],
    ['500', response(500), 1, undefined],
    ['502', response(502), 1, undefined],
    ['409, first attempt', response(409), 1, 10_000],
    ['409, third attempt', response(409), 3, 40_000],
    ['409, fourth attempt (3 retries spent)', response(409), 4, undefined],
    ['429 with Retry-After 30', response(429, 30), 1, 30_000],
    ['503 with Retry-After 59', response(503, 59), 1, 59_000],
    ['503 with Retry-After 60', response(503, 60), 1, undefined],
    ['503 without Retry-After', response(503), 1, undefined],
    ['timeout, fifth attempt', { kind: 'timeout' as const }, 5, 160_000],
    ['timeout, sixth attempt (5 retries spent)', { kind: 'timeout' as const }, 6, undefined],
    ['connection refused', { kind: 'network_error' as const }, 1, undefined],
  ])('%s', (_name, outcome, attempt, expected) => {
    expect(retryDelayMs(outcome, attempt)).toBe(expected);
  });

  it('reads Retry-After seconds only', () => {
    expect(parseRetryAfter(' 12 ')).toBe(12);
    expect(parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
