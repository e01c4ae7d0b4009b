import { anEmulator, type TestEmulator } from '../../support/emulator-fixture';

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
