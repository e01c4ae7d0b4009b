import { ADMIN_EMAIL, aTicket, anEmulator, tokenAuth, type TestEmulator } from '../support/emulator-fixture';

describe('API request counts', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator({ rateLimits: { accountPerMinute: 5 } });
  });
  afterEach(() => zendesk.close());

  const adminId = async () => (await zendesk.call('GET', '/api/v2/users/me')).body.user.id as number;

  it('counts each answered call by method, route, status and caller, refused ones included; admin routes are not counted', async () => {
    const me = await adminId();
    const ticket = await aTicket(zendesk);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}.json`, { ticket: { priority: 'high' } });
    await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`);
    await zendesk.call('GET', '/api/v2/tickets/999999');
    await zendesk.call('GET', '/api/v2/tickets', undefined, tokenAuth(ADMIN_EMAIL, 'not-a-token'));
    // The sixth call this minute (the 401 did not count against the limit); refused before the caller is set.
    const limited = await zendesk.call('GET', `/api/v2/tickets/${ticket.id}`);
    expect(limited.status).toBe(429);
    await fetch(`${zendesk.url}/__sandbox/clock`);

    const count = (method: string, route: string, status: number, userId: number | null) =>
      zendesk.admin.apiRequestCounts().find((c) => c.method === method && c.route === route && c.status === status && c.userId === userId)?.count;
    expect(count('GET', '/api/v2/users/me', 200, me)).toBe(1);
    expect(count('POST', '/api/v2/tickets', 201, me)).toBe(1);
    expect(count('PUT', '/api/v2/tickets/:id', 200, me)).toBe(1);
    expect(count('GET', '/api/v2/tickets/:id', 200, me)).toBe(1);
    expect(count('GET', '/api/v2/tickets/:id', 404, me)).toBe(1);
    expect(count('GET', '/api/v2/tickets', 401, null)).toBe(1);
    expect(count('GET', '/api/v2/tickets/:id', 429, null)).toBe(1);
    expect(zendesk.admin.apiRequestCounts().reduce((sum, c) => sum + c.count, 0)).toBe(7);
  });

  it('answers the same counts at GET /__sandbox/api-requests, and reset clears them', async () => {
    const me = await adminId();
    await aTicket(zendesk);
    await aTicket(zendesk);
    const reply = await fetch(`${zendesk.url}/__sandbox/api-requests`);
    const { api_requests: counts } = (await reply.json()) as { api_requests: unknown[] };
    expect(counts).toEqual([
      { method: 'POST', route: '/api/v2/tickets', status: 201, user_id: me, count: 2 },
      { method: 'GET', route: '/api/v2/users/me', status: 200, user_id: me, count: 1 },
    ]);
    zendesk.admin.reset();
    expect(zendesk.admin.apiRequestCounts()).toEqual([]);
  });
});
