import { aTicket, anEmulator, type TestEmulator } from '../support/emulator-fixture';

describe('rate limits', () => {
  let zendesk: TestEmulator;
  afterEach(() => zendesk.close());

  it('limits account requests per emulator-clock minute, with Retry-After and rate-limit headers', async () => {
    zendesk = await anEmulator({ rateLimits: { accountPerMinute: 3 } });
    zendesk.clock.advance(15_000); // 10:00:15, so 45 s are left in the minute
    const first = await zendesk.call('GET', '/api/v2/tickets');
    expect(first.headers).toMatchObject({
      'x-rate-limit': '3',
      'x-rate-limit-remaining': '2',
      'ratelimit-limit': '3',
      'ratelimit-remaining': '2',
      'ratelimit-reset': '45',
    });
    await zendesk.call('GET', '/api/v2/tickets');
    await zendesk.call('GET', '/api/v2/tickets');
    const refused = await zendesk.call('GET', '/api/v2/tickets');
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('45');
    expect(refused.headers['x-rate-limit-remaining']).toBe('0');
    expect(refused.body.error).toBe('APIRateLimitExceeded');
    zendesk.clock.advance(45_000);
    expect((await zendesk.call('GET', '/api/v2/tickets')).status).toBe(200);
  });

  it('allows 30 updates of one ticket by one user per 10 minutes, then 429 until the oldest leaves the window', async () => {
    zendesk = await anEmulator();
    const ticket = await aTicket(zendesk);
    const other = await aTicket(zendesk);
    for (let i = 0; i < 30; i += 1) {
      zendesk.clock.advance(1_000);
      const reply = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { comment: { body: `note ${i}`, public: false } } });
      expect(reply.status).toBe(200);
    }
    const refused = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'high' } });
    expect(refused.status).toBe(429);
    // Updates ran 10:00:01…10:00:30; the first leaves the 10-minute window at 10:10:01, 571 s after 10:00:30.
    expect(refused.headers['retry-after']).toBe('571');
    expect((await zendesk.call('PUT', `/api/v2/tickets/${other.id}`, { ticket: { priority: 'high' } })).status).toBe(200);
    zendesk.clock.advance(571_000);
    expect((await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'high' } })).status).toBe(200);
  });

  it('allows 100 ticket updates per minute across the account', async () => {
    zendesk = await anEmulator({ rateLimits: { ticketUpdatesPerMinute: 3 } });
    const tickets = [await aTicket(zendesk), await aTicket(zendesk), await aTicket(zendesk), await aTicket(zendesk)];
    const statuses: number[] = [];
    for (const ticket of tickets) {
      statuses.push((await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('answers injected faults on matching requests only, the given number of times', async () => {
    zendesk = await anEmulator();
    zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 503, retryAfterSeconds: 7 }, count: 2, method: 'GET', path: '^/api/v2/tickets$' });
    const other = await zendesk.call('GET', '/api/v2/users/me');
    expect(other.status).toBe(200);
    const first = await zendesk.call('GET', '/api/v2/tickets');
    expect(first.status).toBe(503);
    expect(first.headers['retry-after']).toBe('7');
    expect((await zendesk.call('GET', '/api/v2/tickets')).status).toBe(503);
    expect((await zendesk.call('GET', '/api/v2/tickets')).status).toBe(200);
  });

  it('slows a request down by real milliseconds when asked', async () => {
    zendesk = await anEmulator();
    zendesk.admin.injectRequestFaults({ fault: { kind: 'delay', delayMs: 300 }, count: 1 });
    const started = performance.now();
    expect((await zendesk.call('GET', '/api/v2/users/me')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });
});
