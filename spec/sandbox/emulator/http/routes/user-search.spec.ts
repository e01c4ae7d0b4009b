import { anEmulator, tokenAuth, type TestEmulator } from '../../support/emulator-fixture';
import { loadZendeskOas } from '../../support/zendesk-oas';

describe('GET /api/v2/users/search', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
    zendesk.admin.addUser({ name: 'Lead Mailbox', email: 'lead@acme.test', role: 'end-user' });
    zendesk.admin.addUser({ name: 'Leah Agent', email: 'leah@acme.test', role: 'agent' });
  });
  afterEach(() => zendesk.close());

  const emailsOf = async (query: string) => {
    const reply = await zendesk.call('GET', `/api/v2/users/search.json?query=${encodeURIComponent(query)}`);
    expect(reply.status).toBe(200);
    return (reply.body.users as { email: string }[]).map((u) => u.email);
  };

  it('finds a user by whole email in any case, by part of a name or email, and by role; terms are ANDed', async () => {
    expect(await emailsOf('email:LEAD@acme.test')).toEqual(['lead@acme.test']);
    expect(await emailsOf('email:lead@acme')).toEqual([]);
    expect(await emailsOf('lea')).toEqual(['lead@acme.test', 'leah@acme.test']);
    expect(await emailsOf('lea role:agent')).toEqual(['leah@acme.test']);
    expect(await emailsOf('')).toEqual([]);
  });

  it("answers in Zendesk's shape (SearchUsers in the OAS), paged by offset", async () => {
    const reply = await zendesk.call('GET', '/api/v2/users/search?query=acme.test&per_page=1');
    expect(loadZendeskOas(nullUserProperties).responseErrors('GET', '/api/v2/users/search', 200, reply.body)).toEqual([]);
    expect(reply.body).toMatchObject({ count: 2, users: [{ email: 'lead@acme.test' }] });
    expect(reply.body.next_page).toContain('page=2');
  });

  it('is for agents: an end user gets 403', async () => {
    zendesk.admin.addApiToken('end-user-token');
    const reply = await zendesk.call('GET', '/api/v2/users/search?query=lead', undefined, tokenAuth('lead@acme.test', 'end-user-token'));
    expect(reply.status).toBe(403);
  });
});

/** Real Zendesk shows null for these on a user who has none (a gap of the OAS; see zendesk-oas-conformance.spec.ts). */
function nullUserProperties(document: { components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>> }> } }): void {
  const names = ['default_group_id', 'last_login_at', 'signature', 'organization_id', 'phone', 'photo', 'shared_phone_number'];
  for (const [schema, definition] of Object.entries(document.components.schemas)) {
    if (!schema.startsWith('User')) continue;
    for (const name of names) if (definition.properties?.[name]) definition.properties[name].nullable = true;
  }
}
