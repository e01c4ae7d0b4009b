import { aTicket, anEmulator, tokenAuth, type TestEmulator } from '../../support/emulator-fixture';

describe('admin routes (/__sandbox)', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  const admin = async (method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown) => {
    const response = await fetch(`${zendesk.url}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  };

  it('travels in time: set and advance, never back', async () => {
    expect((await admin('GET', '/__sandbox/clock')).body.now).toBe('2026-11-22T10:00:00Z');
    expect((await admin('POST', '/__sandbox/clock', { advance_ms: 90_000 })).body.now).toBe('2026-11-22T10:01:30Z');
    expect((await admin('POST', '/__sandbox/clock', { set: '2026-11-23T08:00:00Z' })).body.now).toBe('2026-11-23T08:00:00Z');
    expect((await admin('POST', '/__sandbox/clock', { set: '2026-11-01T00:00:00Z' })).status).toBe(400);
    const ticket = await aTicket(zendesk);
    expect(ticket.created_at).toBe('2026-11-23T08:00:00Z');
  });

  it('seeds users and tokens that then authenticate', async () => {
    const user = (await admin('POST', '/__sandbox/users', { name: 'Agent', email: 'agent@sandbox.test', role: 'agent', group_ids: [20001] })).body.user;
    await admin('POST', '/__sandbox/api-tokens', { token: 'second-token' });
    const me = await zendesk.call('GET', '/api/v2/users/me', undefined, tokenAuth('agent@sandbox.test', 'second-token'));
    expect(me.body.user).toMatchObject({ id: user.id, default_group_id: 20001 });
    await admin('POST', '/__sandbox/oauth-tokens', { token: 'oauth-1', user_id: user.id });
    expect((await zendesk.call('GET', '/api/v2/users/me', undefined, 'Bearer oauth-1')).body.user.id).toBe(user.id);
  });

  it('injects request faults and sets rate limits', async () => {
    await admin('POST', '/__sandbox/faults/requests', { status: 429, retry_after: 12, count: 1, method: 'PUT' });
    const ticket = await aTicket(zendesk);
    const refused = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}`, { ticket: { priority: 'low' } });
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('12');
    const limits = await admin('PUT', '/__sandbox/rate-limits', { account_per_minute: 700 });
    expect(limits.body.rate_limits.accountPerMinute).toBe(700);
    expect((await zendesk.call('GET', '/api/v2/tickets')).headers['x-rate-limit']).toBe('700');
  });

  it('shows the outbox and resets the account', async () => {
    await zendesk.call('POST', '/api/v2/triggers', {
      trigger: { title: 'Mail', conditions: { all: [] }, actions: [{ field: 'notification_user', value: ['current_user', 'Hi', 'Body'] }] },
    });
    await aTicket(zendesk);
    expect((await admin('GET', '/__sandbox/outbox')).body.mails).toEqual([expect.objectContaining({ to: 'admin@sandbox.test', subject: 'Hi' })]);
    await admin('POST', '/__sandbox/reset');
    expect((await admin('GET', '/__sandbox/outbox')).body.mails).toEqual([]);
    expect((await zendesk.call('GET', '/api/v2/tickets')).body.tickets).toEqual([]);
    expect((await zendesk.call('GET', '/api/v2/triggers')).body.triggers).toEqual([]);
    expect((await aTicket(zendesk)).id).toBe(1);
  });

  it('steps and runs jobs', async () => {
    const ticket = await aTicket(zendesk);
    const job = (await zendesk.call('PUT', `/api/v2/tickets/update_many?ids=${ticket.id}`, { ticket: { status: 'open' } })).body.job_status;
    await admin('POST', '/__sandbox/jobs/step');
    expect((await zendesk.call('GET', `/api/v2/job_statuses/${job.id}`)).body.job_status.status).toBe('working');
    await admin('POST', '/__sandbox/jobs/run');
    expect((await zendesk.call('GET', `/api/v2/job_statuses/${job.id}`)).body.job_status.status).toBe('completed');
  });
});
