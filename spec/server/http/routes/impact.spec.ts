import { TEST_DIALECTS } from '../../../support/test-database';
import { API_NOW, useAppApi } from './app-api-fixture';
import { CREATED_AT, saveStandardPolicy, standardPolicy, storeWaitingTicket } from './sla-fixture';

describe.each(TEST_DIALECTS)('POST /api/policies/preview-impact on %s', (dialect) => {
  const api = useAppApi(dialect);

  it("lists what a shortened urgent target does to the account's open tickets, and nothing for the others", async () => {
    const account = await api.newAccount();
    const neighbour = await api.newAccount();
    const policyId = await saveStandardPolicy(api.store(), account);
    await storeWaitingTicket(api.store(), account, '1', 'urgent');
    await storeWaitingTicket(api.store(), account, '2', 'normal');
    await storeWaitingTicket(api.store(), account, '3', 'urgent', 'solved');
    await storeWaitingTicket(api.store(), neighbour, '9', 'urgent');
    const draft = { policies: [{ ...standardPolicy(20), id: policyId, position: 1 }] };

    const response = await api.call(account, 'POST', '/api/policies/preview-impact', draft);
    expect(response.statusCode).toBe(200);
    const standard = { id: policyId, title: 'Standard' };
    expect(response.json()).toEqual({
      assessedAt: API_NOW,
      scanned: 2,
      truncated: false,
      changes: [
        { ticketId: '1', metric: 'first_reply_time', change: 'newly_breached', dueBefore: CREATED_AT + 60 * 60_000, dueAfter: CREATED_AT + 20 * 60_000, policyBefore: standard, policyAfter: standard },
      ],
      summary: { newly_applies: 0, no_longer_applies: 0, newly_breached: 1, no_longer_breached: 0, earlier: 0, later: 0, policy_changed: 0 },
    });

    const earlier = await api.call(account, 'POST', '/api/policies/preview-impact', { policies: [{ ...standardPolicy(45), id: policyId, position: 1 }] });
    expect(earlier.json().changes).toEqual([expect.objectContaining({ ticketId: '1', change: 'earlier', dueBefore: CREATED_AT + 60 * 60_000, dueAfter: CREATED_AT + 45 * 60_000 })]);

    const theirs = await api.call(neighbour, 'POST', '/api/policies/preview-impact', draft);
    expect(theirs.json()).toMatchObject({ scanned: 1, changes: [{ ticketId: '9', change: 'newly_applies', policyBefore: null }] });
  });

  it('counts a draft schedule by its id, and names every invalid draft field (422)', async () => {
    const account = await api.newAccount();
    await storeWaitingTicket(api.store(), account, '5', 'normal');
    const office = { timeZone: 'UTC', week: { mon: [['00:00', '24:00']] } };
    const business = { title: 'Office', position: 1, id: 'draft-1', targets: [{ metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId: 'office-hours' }] };
    const ok = await api.call(account, 'POST', '/api/policies/preview-impact', { policies: [business], schedules: { 'office-hours': office } });
    // 2026-03-02 is a Monday, open all day: due an hour after creation.
    expect(ok.json().changes).toEqual([expect.objectContaining({ ticketId: '5', change: 'newly_applies', dueAfter: CREATED_AT + 60 * 60_000, policyAfter: { id: 'draft-1', title: 'Office' } })]);

    const bad = await api.call(account, 'POST', '/api/policies/preview-impact', {
      policies: [{ ...business, targets: [{ ...business.targets[0], targetMinutes: 0 }] }, { ...business, scheduleId: undefined, title: '' }],
      schedules: { 'office-hours': { ...office, week: { mon: [['09:00', '9am']] } } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.problems.map((p: { path: string }) => p.path)).toEqual([
      'schedules["office-hours"].week.mon[0][1]',
      'policies[0].targets[0].targetMinutes',
      'policies[1].title',
    ]);
    const notAList = await api.call(account, 'POST', '/api/policies/preview-impact', { policies: {} });
    expect([notAList.statusCode, notAList.json().error.path]).toEqual([422, 'policies']);
  });
});
