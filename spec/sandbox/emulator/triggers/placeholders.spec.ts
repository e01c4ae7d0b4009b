import { renderPlaceholders } from '../../../../src/sandbox/emulator/triggers/placeholders';
import { createEmptyState } from '../../../../src/sandbox/emulator/state/emulator-state';
import { createUser } from '../../../../src/sandbox/emulator/state/users';
import type { TicketRecord } from '../../../../src/sandbox/emulator/state/records';

describe('renderPlaceholders', () => {
  const state = createEmptyState('acme');
  state.baseUrl = 'http://127.0.0.1:4000';
  const at = Date.parse('2026-11-22T10:00:00Z');
  const requester = createUser(state, { name: 'Ann "the customer"', email: 'ann@example.com' }, at);
  const agent = createUser(state, { name: 'Bob', email: 'bob@example.com', role: 'agent' }, at);
  const ticket: TicketRecord = {
    id: 42, subject: 'Printer', description: 'd', status: 'hold', priority: 'urgent', type: null,
    requesterId: requester.id, submitterId: requester.id, assigneeId: null, groupId: null, organizationId: null,
    brandId: null, ticketFormId: null, externalId: null, tags: ['a', 'b'], customFields: new Map([[360_000_001, '2026-11-23']]),
    isPublic: true, via: { channel: 'api', source: { from: {}, to: {}, rel: null } }, createdAt: at, updatedAt: at + 61_000, generatedAt: at, solvedAt: null,
  };
  const context = { state, ticket, actor: agent };

  it('renders ticket, field, user and current_user placeholders like Zendesk', () => {
    const text = renderPlaceholders(
      '{{ticket.id}}|{{ticket.title}}|{{ticket.status}}|{{ticket.priority}}|{{ticket.url}}|{{ticket.updated_at_with_timestamp}}|' +
        '{{ticket.ticket_field_360000001}}|{{ticket.requester.name}}|{{ticket.assignee.name}}|{{current_user.name}}|{{ticket.tags}}',
      context,
      'text',
    );
    expect(text).toBe('42|Printer|On-hold|Urgent|127.0.0.1:4000/agent/tickets/42|2026-11-22T10:01:01Z|2026-11-23|Ann "the customer"||Bob|a b');
  });

  it('splits names into first_name and last_name', () => {
    expect(renderPlaceholders('{{ticket.requester.first_name}}/{{ticket.requester.last_name}}/{{current_user.first_name}}', context, 'text')).toBe(
      'Ann/"the customer"/Bob',
    );
  });

  it('renders unknown placeholders as empty text', () => {
    expect(renderPlaceholders('[{{ticket.nope}}][{{ satisfaction.rating }}]', context, 'text')).toBe('[][]');
  });

  it('escapes values inside a JSON webhook body so the payload stays valid JSON', () => {
    const body = renderPlaceholders('{"who":"{{ticket.requester.name}}"}', context, 'json');
    expect(JSON.parse(body)).toEqual({ who: 'Ann "the customer"' });
  });
});
