import { anEmulator, tokenAuth, type TestEmulator } from '../support/emulator-fixture';

describe('authentication', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('accepts an API token with any user email and acts as that user', async () => {
    const agent = zendesk.admin.addUser({ name: 'Agent Smith', email: 'smith@sandbox.test', role: 'agent' });
    const me = await zendesk.call('GET', '/api/v2/users/me.json', undefined, tokenAuth('smith@sandbox.test'));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: agent.id, role: 'agent' });
  });

  it('answers 401 {"error":"Couldn\'t authenticate you"} to a wrong token, an unknown email, a password or nothing', async () => {
    const wrong = [
      tokenAuth('admin@sandbox.test', 'nope'),
      tokenAuth('nobody@sandbox.test'),
      `Basic ${Buffer.from('admin@sandbox.test:sandbox-api-token').toString('base64')}`,
      'Bearer unknown',
      '',
    ];
    for (const auth of wrong) {
      const reply = await zendesk.call('GET', '/api/v2/tickets', undefined, auth);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ error: "Couldn't authenticate you" });
    }
  });

  it('accepts OAuth bearer tokens given to a user', async () => {
    zendesk.admin.addOAuthToken('oauth-abc', 10001);
    const me = await zendesk.call('GET', '/api/v2/users/me', undefined, 'Bearer oauth-abc');
    expect(me.body.user.id).toBe(10001);
  });

  it('records the authenticated agent as the audit author and comment author', async () => {
    const agent = zendesk.admin.addUser({ name: 'Agent', email: 'agent@sandbox.test', role: 'agent' });
    const reply = await zendesk.call(
      'POST',
      '/api/v2/tickets',
      { ticket: { subject: 's', comment: { body: 'b' } } },
      tokenAuth('agent@sandbox.test'),
    );
    expect(reply.body.audit.author_id).toBe(agent.id);
    expect(reply.body.audit.events[0].author_id).toBe(agent.id);
  });

  it('keeps agents out of admin endpoints and end users out of tickets (403)', async () => {
    zendesk.admin.addUser({ name: 'Agent', email: 'agent@sandbox.test', role: 'agent' });
    zendesk.admin.addUser({ name: 'Customer', email: 'customer@example.com' });
    const asAgent = await zendesk.call('GET', '/api/v2/triggers', undefined, tokenAuth('agent@sandbox.test'));
    expect(asAgent.status).toBe(403);
    const asCustomer = await zendesk.call('GET', '/api/v2/tickets', undefined, tokenAuth('customer@example.com'));
    expect(asCustomer.status).toBe(403);
    expect(asCustomer.body.error).toBe('Forbidden');
  });

  it('answers unknown endpoints with 404 InvalidEndpoint', async () => {
    const reply = await zendesk.call('GET', '/api/v2/no_such_thing');
    expect(reply.status).toBe(404);
    expect(reply.body.error).toBe('InvalidEndpoint');
  });
});

describe('seeding through the constructor', () => {
  it('creates the given agents and tokens, which then authenticate', async () => {
    const zendesk = await anEmulator({
      seed: { apiTokens: ['t1'], oauthTokens: ['o1'], users: [{ name: 'Agent', email: 'agent@sandbox.test', role: 'agent', groupIds: [20001] }] },
    });
    try {
      const me = await zendesk.call('GET', '/api/v2/users/me', undefined, tokenAuth('agent@sandbox.test', 't1'));
      expect(me.body.user).toMatchObject({ email: 'agent@sandbox.test', role: 'agent', default_group_id: 20001 });
      expect((await zendesk.call('GET', '/api/v2/users/me', undefined, 'Bearer o1')).body.user.id).toBe(10001);
      expect((await zendesk.call('GET', '/api/v2/users/me')).status).toBe(401);
    } finally {
      await zendesk.close();
    }
  });
});
