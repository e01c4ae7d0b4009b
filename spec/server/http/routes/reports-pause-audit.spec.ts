import type { TicketEvent } from '../../../../src/core/ticket/ticket-event';
import type { Account } from '../../../../src/server/store/sla-store';
import { aTicket } from '../../../support/a-ticket';
import { createTestAccount, TEST_DIALECTS, useTestStore } from '../../../support/test-database';
import { APP_SECRET, reportApi } from './report-api';

const T = (iso: string) => Date.parse(iso);
const NOW = T('2026-03-10T00:00:00Z');

describe.each(TEST_DIALECTS)('GET /api/reports/pause-audit on %s', (dialect) => {
  const store = useTestStore(dialect);
  let api: Awaited<ReturnType<typeof reportApi>>;
  let account: Account;
  beforeAll(async () => {
    api = await reportApi(store(), NOW);
    account = await createTestAccount(store(), { appSharedSecret: APP_SECRET });
    // Ticket 7, Ana's: the customer writes at 10:00, Ana sets it pending at 10:02 without answering, it reopens at 11:02.
    const history: TicketEvent[] = [
      { type: 'created', at: T('2026-03-02T09:00:00Z'), ticket: aTicket({ id: '7', status: 'open', assigneeId: 'ana' }) },
      { type: 'comment', at: T('2026-03-02T10:00:00Z'), public: true, authorRole: 'end_user' },
      { type: 'status_changed', at: T('2026-03-02T10:02:00Z'), from: 'open', to: 'pending' },
      { type: 'status_changed', at: T('2026-03-02T11:02:00Z'), from: 'pending', to: 'open' },
    ];
    await store().appendTicketEvents({ accountId: account.id, ticketId: '7', events: history.map((event, n) => ({ sourceId: `a${n}`, event })) });
    await store().saveMetricRecords([{ accountId: account.id, ticketId: '7', metric: 'requester_wait_time', instance: 1, policyId: null, priority: null, groupId: null, assigneeId: 'ana', brandId: null, organizationId: null, via: null, status: 'active', startedAt: T('2026-03-02T09:00:00Z'), dueAt: null, fulfilledAt: null, breachedAt: null, businessMinutes: 0, calendarMinutes: 0 }], NOW);
  });
  afterAll(() => api.app.close());

  it('lists each agent’s quick pauses and the time they took off the clock', async () => {
    const response = await api.call(account, 'GET', '/api/reports/pause-audit?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z');
    expect(response.json()).toEqual({
      from: T('2026-03-01T00:00:00Z'),
      to: T('2026-03-08T00:00:00Z'),
      quickMinutes: 5,
      tickets: 1,
      agents: [{ assigneeId: 'ana', pauses: 1, quickPauses: 1, quickPausesWithoutReply: 1, ticketsPausedRepeatedly: 0, pausedMinutes: 60 }],
    });
    const strict = await api.call(account, 'GET', '/api/reports/pause-audit?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z&quickMinutes=1');
    expect(strict.json().agents[0].quickPauses).toBe(0);
  });

  it.each(['0', '1441', '2.5', 'five'])('refuses quickMinutes=%s, naming the field', async (value) => {
    const response = await api.call(account, 'GET', `/api/reports/pause-audit?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z&quickMinutes=${value}`);
    expect([response.statusCode, response.json().error]).toEqual([
      400,
      { code: 'invalid_query', path: 'quickMinutes', message: 'quickMinutes must be an integer from 1 to 1440', problems: [{ path: 'quickMinutes', code: 'out_of_range', message: 'quickMinutes must be an integer from 1 to 1440' }] },
    ]);
  });

  it('refuses more than a quarter', async () => {
    const response = await api.call(account, 'GET', '/api/reports/pause-audit?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z');
    expect([response.statusCode, response.json().error.path]).toEqual([400, 'to']);
  });
});
