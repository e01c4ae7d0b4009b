import { TEST_DIALECTS } from '../../../support/test-database';
import { API_NOW, useAppApi } from './app-api-fixture';
import { CREATED_AT, saveStandardPolicy, storeWaitingTicket } from './sla-fixture';

describe.each(TEST_DIALECTS)('POST /api/tickets/:ticketId/sla/what-if on %s', (dialect) => {
  const api = useAppApi(dialect);

  it('previews the due times a priority change would give, over the stored history', async () => {
    const account = await api.newAccount();
    const policyId = await saveStandardPolicy(api.store(), account);
    await storeWaitingTicket(api.store(), account, '42', 'normal');
    const response = await api.call(account, 'POST', '/api/tickets/42/sla/what-if', { changes: { priority: 'urgent' } });
    expect(response.statusCode).toBe(200);
    const { preview, changes } = response.json();
    expect(preview).toMatchObject({ kind: 'preview', assessedAt: API_NOW, patch: { priority: 'urgent' }, syntheticEvents: [{ type: 'priority_changed', from: 'normal', to: 'urgent' }] });
    expect(preview.metrics.first_reply_time.state).toMatchObject({ kind: 'active', dueAt: CREATED_AT + 60 * 60_000 });
    const standard = { id: policyId, title: 'Standard' };
    expect(changes).toEqual([{ metric: 'first_reply_time', change: 'earlier', dueBefore: CREATED_AT + 240 * 60_000, dueAfter: CREATED_AT + 60 * 60_000, policyBefore: standard, policyAfter: standard }]);

    const pending = (await api.call(account, 'POST', '/api/tickets/42/sla/what-if', { changes: { status: 'pending', groupId: '77' } })).json();
    expect(pending.preview.syntheticEvents.map((e: { type: string }) => e.type)).toEqual(['status_changed', 'field_changed']);
  });

  it("answers 404 for a ticket the account has no history for, another account's included", async () => {
    const owner = await api.newAccount();
    const intruder = await api.newAccount();
    await saveStandardPolicy(api.store(), owner);
    await storeWaitingTicket(api.store(), owner, '43', 'normal');
    const response = await api.call(intruder, 'POST', '/api/tickets/43/sla/what-if', { changes: { priority: 'urgent' } });
    expect([response.statusCode, response.json()]).toEqual([404, { error: { code: 'ticket_not_found', message: expect.any(String) } }]);
  });

  it('names invalid changes (422) and refuses a malformed ticket id (400)', async () => {
    const account = await api.newAccount();
    const bad = await api.call(account, 'POST', '/api/tickets/42/sla/what-if', { changes: { priority: 'critical', tags: ['x'] } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems.map((p: { path: string }) => p.path).sort()).toEqual(['changes', 'changes.priority']);
    const badId = await api.call(account, 'POST', '/api/tickets/4x/sla/what-if', { changes: {} });
    expect([badId.statusCode, badId.json().error.code]).toEqual([400, 'invalid_ticket_id']);
  });
});
