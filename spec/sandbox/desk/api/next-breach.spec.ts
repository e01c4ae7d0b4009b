import type { SlaFields } from '../../../../src/sandbox/desk/api/desk-directory';
import { nextBreachAt } from '../../../../src/sandbox/desk/api/next-breach';
import type { TicketJson } from '../../../../src/sandbox/desk/api/zendesk-json';

const sla: SlaFields = { statusFieldId: 1, nextDueFieldId: 2, statusNames: {}, requirements: {} };
const NOW = Date.parse('2026-11-23T15:00:00Z');

const aTicket = (status: TicketJson['status'], due: string | null): TicketJson => ({
  id: 1, subject: 's', status, priority: 'normal', type: null, requester_id: 1, assignee_id: null, group_id: null, organization_id: null,
  tags: [], custom_fields: [{ id: 2, value: due }], created_at: '2026-11-23T10:00:00Z', updated_at: '2026-11-23T10:00:00Z',
});

describe('nextBreachAt', () => {
  it('is the earliest due time ahead among unsolved tickets', () => {
    const tickets = [aTicket('open', '2026-11-23T17:00:00Z'), aTicket('pending', '2026-11-23T16:00:00Z'), aTicket('solved', '2026-11-23T15:30:00Z')];
    expect(nextBreachAt(tickets, sla, NOW)).toBe(Date.parse('2026-11-23T16:00:00Z'));
  });

  it('skips due times already passed (the clock cannot go back) and exactly now', () => {
    const tickets = [aTicket('open', '2026-11-23T14:00:00Z'), aTicket('new', '2026-11-23T15:00:00Z'), aTicket('hold', '2026-11-24T09:00:00Z')];
    expect(nextBreachAt(tickets, sla, NOW)).toBe(Date.parse('2026-11-24T09:00:00Z'));
  });

  it('is null when no unsolved ticket has a due time ahead, or the field is not installed', () => {
    expect(nextBreachAt([aTicket('open', null), aTicket('closed', '2026-11-24T09:00:00Z')], sla, NOW)).toBeNull();
    expect(nextBreachAt([aTicket('open', '2026-11-24T09:00:00Z')], { ...sla, nextDueFieldId: null }, NOW)).toBeNull();
  });
});
