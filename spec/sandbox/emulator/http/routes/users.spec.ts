import { anEmulator, tokenAuth, type TestEmulator } from '../../support/emulator-fixture';

describe('GET /api/v2/users', () => {
  let zendesk: TestEmulator;
  beforeAll(async () => {
    zendesk = await anEmulator();
    zendesk.admin.addUser({ name: 'Lead Mailbox', email: 'lead@acme.test', role: 'end-user' });
    zendesk.admin.addUser({ name: 'Leah Agent', email: 'leah@acme.test', role: 'agent' });
  });
  afterAll(() => zendesk.close());

  const emailsOf = async (query: string) => {
    const reply = await zendesk.call('GET', `/api/v2/users.json?${query}`);
    expect(reply.status).toBe(200);
    return (reply.body.users as { email: string; role: string }[]).filter((u) => u.email.endsWith('@acme.test')).map((u) => u.email);
  };

  it('filters by one role, and by several as role[]=…&role[]=… (how the admin page lists assignees)', async () => {
    expect(await emailsOf('role=agent')).toEqual(['leah@acme.test']);
    expect(await emailsOf('role[]=agent&role[]=admin')).toEqual(['leah@acme.test']);
    expect(await emailsOf('role[]=end-user&role[]=agent')).toEqual(['lead@acme.test', 'leah@acme.test']);
    expect(await emailsOf('')).toEqual(['lead@acme.test', 'leah@acme.test']);
  });
});

describe('a user\'s language (locale)', () => {
  let zendesk: TestEmulator;
  beforeAll(async () => {
    zendesk = await anEmulator();
  });
  afterAll(() => zendesk.close());

  it('is en-US unless given, and shows with its locale id where Zendesk names one', async () => {
    const created = await zendesk.call('POST', '/api/v2/users.json', { user: { name: 'Kasia', email: 'kasia@acme.test', locale: 'pl' } });
    expect(created.status).toBe(201);
    expect([created.body.user.locale, created.body.user.locale_id]).toEqual(['pl', 13]);
    const plain = await zendesk.call('POST', '/api/v2/users.json', { user: { name: 'Bob', email: 'bob@acme.test' } });
    expect([plain.body.user.locale, plain.body.user.locale_id]).toEqual(['en-US', 1]);
  });

  it('changes with Update User: an agent their own, an admin anyone\'s; a malformed locale is refused, naming it', async () => {
    const agent = zendesk.admin.addUser({ name: 'Yuki Agent', email: 'yuki@acme.test', role: 'agent' });
    const asAgent = tokenAuth('yuki@acme.test');
    const own = await zendesk.call('PUT', `/api/v2/users/${agent.id}.json`, { user: { locale: 'ja' } }, asAgent);
    expect([own.status, own.body.user.locale]).toEqual([200, 'ja']);
    expect((await zendesk.call('GET', '/api/v2/users/me.json', undefined, asAgent)).body.user.locale).toBe('ja');
    // An agent may not change an admin (the account owner, 10001); the admin may change the agent.
    expect((await zendesk.call('PUT', '/api/v2/users/10001.json', { user: { locale: 'ja' } }, asAgent)).status).toBe(403);
    expect((await zendesk.call('PUT', `/api/v2/users/${agent.id}.json`, { user: { locale: 'zh-cn', name: 'Yuki' } })).body.user).toMatchObject({ locale: 'zh-cn', name: 'Yuki' });
    const bad = await zendesk.call('PUT', `/api/v2/users/${agent.id}.json`, { user: { locale: 'not a locale' } });
    expect([bad.status, Object.keys(bad.body.details ?? {})]).toEqual([422, ['locale']]);
    expect((await zendesk.call('PUT', '/api/v2/users/999999.json', { user: { locale: 'es' } })).status).toBe(404);
  });
});
