import type { TicketEvent } from '../../../../src/core/ticket/ticket-event';
import type { Account } from '../../../../src/server/store/sla-store';
import { aTicket } from '../../../support/a-ticket';
import { storeTicket } from '../../../support/stored-ticket';
import { TEST_DIALECTS } from '../../../support/test-database';
import { API_NOW, useAppApi } from './app-api-fixture';

const policy = (title: string, minutes = 60) => ({
  title,
  description: '',
  active: true,
  filter: { all: [], any: [] },
  targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: minutes, hours: 'calendar' }],
});

describe.each(TEST_DIALECTS)('/api/policies on %s', (dialect) => {
  const api = useAppApi(dialect);
  const create = async (account: Account, title: string) => {
    const response = await api.call(account, 'POST', '/api/policies', { policy: policy(title) });
    expect(response.statusCode).toBe(201);
    return response.json().policy as { id: string; version: number };
  };

  it('creates a policy as the calling agent and lists it in order with the lint warnings', async () => {
    const account = await api.newAccount();
    const response = await api.call(account, 'POST', '/api/policies', { policy: { ...policy('Standard'), id: 'ignored', position: 99 } }, '1234');
    expect(response.statusCode).toBe(201);
    const { policy: saved, warnings, ticketsMarkedForReassessment } = response.json();
    expect(saved).toEqual({ id: expect.any(String), position: 1, version: 1, body: policy('Standard'), savedAt: API_NOW, authorId: '1234', apply: 'new_tickets_only' });
    expect([warnings, ticketsMarkedForReassessment]).toEqual([[], 0]);
    const second = await create(account, 'Standard copy');
    const list = (await api.call(account, 'GET', '/api/policies')).json();
    expect(list.policies.map((p: { id: string; position: number }) => [p.id, p.position])).toEqual([[saved.id, 1], [second.id, 2]]);
    // Same (empty) conditions, later in the list: the lint says the second can never apply.
    expect(list.warnings).toEqual([expect.objectContaining({ policyId: second.id, code: 'shadowed' })]);
    expect((await api.call(account, 'GET', `/api/policies/${second.id}`)).json()).toMatchObject({ id: second.id, body: { title: 'Standard copy' } });
  });

  it('names every invalid field of the policy with its path (422), unknown schedules included', async () => {
    const account = await api.newAccount();
    const bad = {
      ...policy('Broken'),
      targets: [
        { metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'calendar' },
        { metric: 'next_reply_time', priority: 'urgent', targetMinutes: 30, hours: 'business', scheduleId: 'nowhere' },
        { metric: 'first_reply_time', priority: 'high', targetMinutes: -5, hours: 'calendar' },
      ],
    };
    const unknownSchedule = await api.call(account, 'POST', '/api/policies', { policy: { ...bad, targets: bad.targets.slice(0, 2) } });
    expect(unknownSchedule.statusCode).toBe(422);
    expect(unknownSchedule.json().error).toMatchObject({ code: 'invalid_policy', path: 'policy.targets[1].scheduleId', problems: [{ code: 'unknown_schedule' }] });
    const response = await api.call(account, 'POST', '/api/policies', { policy: bad, apply: 'sometimes' });
    expect(response.statusCode).toBe(422);
    const paths = response.json().error.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['apply', 'policy.targets[2].targetMinutes']));
    const notAnObject = await api.call(account, 'POST', '/api/policies', { policy: 'VIP' });
    expect([notAnObject.statusCode, notAnObject.json().error.path]).toEqual([422, 'policy']);
    expect((await api.call(account, 'GET', '/api/policies')).json().policies).toEqual([]);
  });

  it('versions every save, and refuses a save over a newer version (409 version_conflict with the current one)', async () => {
    const account = await api.newAccount();
    const { id } = await create(account, 'VIP');
    const second = await api.call(account, 'PUT', `/api/policies/${id}`, { policy: policy('VIP', 30), expectedVersion: 1 }, '8');
    expect(second.json().policy).toMatchObject({ version: 2, authorId: '8', body: { targets: [{ targetMinutes: 30 }] } });
    const stale = await api.call(account, 'PUT', `/api/policies/${id}`, { policy: policy('VIP', 90), expectedVersion: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const unguarded = await api.call(account, 'PUT', `/api/policies/${id}`, { policy: policy('VIP', 90) });
    expect(unguarded.json().policy.version).toBe(3);
    const versions = (await api.call(account, 'GET', `/api/policies/${id}/versions`)).json().versions;
    expect(versions.map((v: { version: number; authorId: string; body: { targets: { targetMinutes: number }[] } }) => [v.version, v.authorId, v.body.targets[0]?.targetMinutes])).toEqual([
      [3, '7', 90],
      [2, '8', 30],
      [1, '7', 60],
    ]);
  });

  it('reorders with every id exactly once, and names each wrong id otherwise (422)', async () => {
    const account = await api.newAccount();
    const [a, b, c] = [await create(account, 'a'), await create(account, 'b'), await create(account, 'c')];
    const reordered = await api.call(account, 'PUT', '/api/policies/order', { ids: [c.id, a.id, b.id] });
    expect(reordered.statusCode).toBe(200);
    expect(reordered.json().policies.map((p: { body: { title: string }; position: number; version: number }) => [p.body.title, p.position, p.version])).toEqual([
      ['c', 1, 1],
      ['a', 2, 1],
      ['b', 3, 1],
    ]);
    const wrong = await api.call(account, 'PUT', '/api/policies/order', { ids: [c.id, c.id, 'nope'] });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
      ['ids[1]', 'duplicate_id'],
      ['ids[2]', 'unknown_policy'],
      ['ids', 'missing_policy'],
      ['ids', 'missing_policy'],
    ]);
    const notAList = await api.call(account, 'PUT', '/api/policies/order', { ids: 'a,b' });
    expect([notAList.statusCode, notAList.json().error.path]).toEqual([422, 'ids']);
  });

  it('with apply: recompute_open, marks the open tickets (not the solved ones) for re-assessment now', async () => {
    const account = await api.newAccount();
    const { id } = await create(account, 'VIP');
    const open: TicketEvent[] = [{ type: 'created', at: API_NOW - 3_600_000, ticket: aTicket({ status: 'open' }) }];
    const solved: TicketEvent[] = [...open, { type: 'status_changed', at: API_NOW - 60_000, from: 'open', to: 'solved' }];
    await storeTicket(api.store(), { accountId: account.id, ticketId: '101', history: open, now: API_NOW - 1000 });
    await storeTicket(api.store(), { accountId: account.id, ticketId: '102', history: solved, now: API_NOW - 1000 });
    const response = await api.call(account, 'PUT', `/api/policies/${id}`, { policy: policy('VIP', 15), apply: 'recompute_open' });
    expect(response.json()).toMatchObject({ policy: { version: 2, apply: 'recompute_open' }, ticketsMarkedForReassessment: 1 });
    await expect(api.store().getTicketState(account.id, '101')).resolves.toMatchObject({ nextCheckAt: API_NOW });
    await expect(api.store().getTicketState(account.id, '102')).resolves.toMatchObject({ nextCheckAt: null });
  });

  it('takes apply on delete and reorder too, since both can move due times', async () => {
    const account = await api.newAccount();
    const [a, b] = [await create(account, 'a'), await create(account, 'b')];
    const open: TicketEvent[] = [{ type: 'created', at: API_NOW - 3_600_000, ticket: aTicket({ status: 'open' }) }];
    await storeTicket(api.store(), { accountId: account.id, ticketId: '201', history: open, now: API_NOW - 1000 });
    const reordered = await api.call(account, 'PUT', '/api/policies/order', { ids: [b.id, a.id], apply: 'recompute_open' });
    expect(reordered.json().ticketsMarkedForReassessment).toBe(1);
    const badQuery = await api.call(account, 'DELETE', `/api/policies/${a.id}?apply=always`);
    expect([badQuery.statusCode, badQuery.json().error.path]).toEqual([422, 'apply']);
    expect((await api.call(account, 'GET', `/api/policies/${a.id}`)).statusCode).toBe(200);
    expect((await api.call(account, 'DELETE', `/api/policies/${a.id}?apply=recompute_open`)).statusCode).toBe(204);
    await expect(api.store().getTicketState(account.id, '201')).resolves.toMatchObject({ nextCheckAt: API_NOW });
  });

  it('deletes a policy (204), then it is gone', async () => {
    const account = await api.newAccount();
    const { id } = await create(account, 'Temporary');
    expect((await api.call(account, 'DELETE', `/api/policies/${id}`)).statusCode).toBe(204);
    expect((await api.call(account, 'GET', `/api/policies/${id}`)).statusCode).toBe(404);
    expect((await api.call(account, 'DELETE', `/api/policies/${id}`)).statusCode).toBe(404);
  });

  it("never shows, changes or reorders another account's policy: 404 / 422, and the policy stays as it was", async () => {
    const owner = await api.newAccount();
    const intruder = await api.newAccount();
    const { id } = await create(owner, 'Private');
    const attempts = [
      ['GET', `/api/policies/${id}`],
      ['GET', `/api/policies/${id}/versions`],
      ['PUT', `/api/policies/${id}`, { policy: policy('Hijacked') }],
      ['DELETE', `/api/policies/${id}`],
    ] as const;
    for (const [method, url, body] of attempts) {
      const response = await api.call(intruder, method, url, body);
      expect([method, url, response.statusCode, response.json().error.code]).toEqual([method, url, 404, 'policy_not_found']);
    }
    const order = await api.call(intruder, 'PUT', '/api/policies/order', { ids: [id] });
    expect([order.statusCode, order.json().error.problems[0].code]).toEqual([422, 'unknown_policy']);
    expect((await api.call(intruder, 'GET', '/api/policies')).json()).toEqual({ policies: [], warnings: [] });
    expect((await api.call(owner, 'GET', `/api/policies/${id}`)).json()).toMatchObject({ version: 1, body: { title: 'Private' } });
  });
});
