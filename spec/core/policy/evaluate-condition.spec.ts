import { evaluateCondition, type Condition } from '../../../src/core/policy';
import type { TicketSnapshot } from '../../../src/core/ticket/ticket-snapshot';
import { aTicket } from '../../support/a-ticket';

type Case = [string, Partial<TicketSnapshot>, Condition, boolean];
const c = (field: Condition['field'], operator: Condition['operator'], value: Condition['value']): Condition => ({ field, operator, value });

describe('evaluateCondition', () => {
  it.each<Case>([
    ['priority is', { priority: 'high' }, c('priority', 'is', 'high'), true],
    ['priority is (other)', { priority: 'low' }, c('priority', 'is', 'high'), false],
    ['priority is null for a ticket without one', { priority: null }, c('priority', 'is', null), true],
    ['priority is_not holds without a priority', { priority: null }, c('priority', 'is_not', 'urgent'), true],
    ['priority less_than is ordered (normal < high)', { priority: 'normal' }, c('priority', 'less_than', 'high'), true],
    ['priority greater_than is ordered (urgent > high)', { priority: 'urgent' }, c('priority', 'greater_than', 'high'), true],
    ['priority greater_than is strict', { priority: 'high' }, c('priority', 'greater_than', 'high'), false],
    ['ordered comparison without a value is false', { priority: null }, c('priority', 'less_than', 'urgent'), false],
    ['status less_than solved (pending)', { status: 'pending' }, c('status', 'less_than', 'solved'), true],
    ['status in', { status: 'hold' }, c('status', 'in', ['pending', 'hold']), true],
    ['status not_in', { status: 'open' }, c('status', 'not_in', ['pending', 'hold']), true],
    ['type is', { type: 'incident' }, c('type', 'is', 'incident'), true],
    ['group_id is, number against string id', { groupId: '20001' }, c('group_id', 'is', 20001), true],
    ['assignee_id is_not', { assigneeId: '7' }, c('assignee_id', 'is_not', '8'), true],
    ['brand_id in', { brandId: '3' }, c('brand_id', 'in', ['1', '3']), true],
    ['organization_id is', { organizationId: '55' }, c('organization_id', 'is', '55'), true],
    ['ticket_form_id is_not null', { ticketFormId: null }, c('ticket_form_id', 'is_not', null), false],
    ['via is', { via: 'chat' }, c('via', 'is', 'chat'), true],
    ['requester_email is, case-insensitive', { requesterEmail: 'Ana@Example.com' }, c('requester_email', 'is', 'ana@example.com'), true],
    ['requester_email contains', { requesterEmail: 'ana@bigcorp.com' }, c('requester_email', 'contains', 'BIGCORP'), true],
    ['requester_email not_contains without an email', { requesterEmail: null }, c('requester_email', 'not_contains', 'x'), true],
    ['requester_domain is, leading @ tolerated', { requesterEmail: 'ana@Gold.example' }, c('requester_domain', 'is', '@gold.example'), true],
    ['requester_domain in', { requesterEmail: 'ana@b.com' }, c('requester_domain', 'in', ['a.com', 'b.com']), true],
    ['tags includes any', { tags: ['vip', 'eu'] }, c('tags', 'includes', ['gold', 'vip']), true],
    ['tags includes, space-separated as Zendesk writes them', { tags: ['vip'] }, c('tags', 'includes', 'gold vip'), true],
    ['tags includes_all', { tags: ['vip', 'eu'] }, c('tags', 'includes_all', ['vip', 'eu']), true],
    ['tags includes_all missing one', { tags: ['vip'] }, c('tags', 'includes_all', ['vip', 'eu']), false],
    ['tags not_includes', { tags: ['vip'] }, c('tags', 'not_includes', ['spam']), true],
    ['tags not_includes (has it)', { tags: ['spam'] }, c('tags', 'not_includes', ['spam', 'x']), false],
    ['custom checkbox is true', { customFields: { '360001': true } }, c('custom_fields_360001', 'is', true), true],
    ['custom number as a string', { customFields: { '360002': '745' } }, c('custom_fields_360002', 'greater_than', 700), true],
    ['custom number equal across types', { customFields: { '360002': 745 } }, c('custom_fields_360002', 'is', '745'), true],
    ['custom date less_than', { customFields: { '360003': '2026-11-01' } }, c('custom_fields_360003', 'less_than', '2026-12-01'), true],
    ['custom tagger option', { customFields: { '360004': 'plan_gold' } }, c('custom_fields_360004', 'is', 'plan_gold'), true],
    ['custom multiselect includes', { customFields: { '360005': ['a', 'b'] } }, c('custom_fields_360005', 'includes', ['b']), true],
    ['custom field without a value is null', {}, c('custom_fields_999', 'is', null), true],
    ['custom field without a value: is_not holds', {}, c('custom_fields_999', 'is_not', 'x'), true],
  ])('%s', (_name, ticket, condition, expected) => {
    expect(evaluateCondition(condition, aTicket(ticket))).toBe(expected);
  });
});
