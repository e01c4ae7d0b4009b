import { aTicket, anEmulator, type TestEmulator } from '../../support/emulator-fixture';

describe('ticket tag routes', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
  });
  afterEach(() => zendesk.close());

  it('adds (PUT), sets (POST 201) and removes (DELETE 204) tags', async () => {
    const ticket = await aTicket(zendesk, { tags: ['a'] });
    const added = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}/tags.json`, { tags: ['b', 'c'] });
    expect(added.body.tags).toEqual(['a', 'b', 'c']);
    const set = await zendesk.call('POST', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['x'] });
    expect(set.status).toBe(201);
    expect(set.body.tags).toEqual(['x']);
    const removed = await zendesk.call('DELETE', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['x'] });
    expect(removed.status).toBe(204);
    expect((await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/tags`)).body.tags).toEqual([]);
  });

  it('refuses a tag change with a stale updated_stamp (409)', async () => {
    const ticket = await aTicket(zendesk);
    zendesk.clock.advance(2_000);
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['first'] });
    const stale = await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}/tags`, {
      tags: ['second'],
      safe_update: true,
      updated_stamp: ticket.updated_at,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('UpdateConflict');
  });

  it('records a tags Change event in the audit', async () => {
    const ticket = await aTicket(zendesk, { tags: ['a'] });
    await zendesk.call('PUT', `/api/v2/tickets/${ticket.id}/tags`, { tags: ['b'] });
    const audits = (await zendesk.call('GET', `/api/v2/tickets/${ticket.id}/audits`)).body.audits;
    expect(audits[1].events).toContainEqual(
      expect.objectContaining({ type: 'Change', field_name: 'tags', value: ['a', 'b'], previous_value: ['a'] }),
    );
  });
});
