import { conditionsHold, type UpdateContext } from '../../../../src/sandbox/emulator/triggers/trigger-conditions';
import { createEmptyState } from '../../../../src/sandbox/emulator/state/emulator-state';
import { createUser } from '../../../../src/sandbox/emulator/state/users';
import type { TicketRecord, TriggerCondition } from '../../../../src/sandbox/emulator/state/records';

const state = createEmptyState('acme');
const agent = createUser(state, { name: 'Agent', email: 'agent@example.com', role: 'agent' }, 0);

const aTicket = (overrides: Partial<TicketRecord> = {}): TicketRecord => ({
  id: 1, subject: 's', description: 'd', status: 'open', priority: 'normal', type: null, requesterId: agent.id,
  submitterId: agent.id, assigneeId: null, groupId: null, organizationId: null, brandId: null, ticketFormId: null,
  externalId: null, tags: [], customFields: new Map(), isPublic: true,
  via: { channel: 'api', source: { from: {}, to: {}, rel: null } }, createdAt: 0, updatedAt: 0, generatedAt: 0, solvedAt: null, ...overrides,
});
const change = (previous: Record<string, unknown> = {}): UpdateContext => ({
  type: 'Change',
  actor: agent,
  previous: new Map(Object.entries(previous)),
  via: 'api',
});
const holds = (condition: TriggerCondition, ticket = aTicket(), update = change()): boolean =>
  conditionsHold({ state, ticket, update }, { all: [condition], any: [] });

describe('trigger conditions', () => {
  it.each([
    [{ field: 'status', operator: 'less_than', value: 'solved' }, true],
    [{ field: 'status', operator: 'greater_than', value: 'open' }, false],
    [{ field: 'priority', operator: 'greater_than', value: 'low' }, true],
    [{ field: 'priority', operator: 'less_than', value: 'normal' }, false],
    [{ field: 'current_tags', operator: 'includes', value: 'x vip' }, true],
    [{ field: 'current_tags', operator: 'not_includes', value: 'x y' }, true],
    [{ field: 'assignee_id', operator: 'is', value: '' }, true],
    [{ field: 'group_id', operator: 'is_not', value: '' }, false],
    [{ field: 'update_type', operator: 'is', value: 'Change' }, true],
    [{ field: 'role', operator: 'is', value: 'agent' }, true],
    [{ field: 'current_via_id', operator: 'is', value: '5' }, true],
    [{ field: 'current_via_id', operator: 'is_not', value: 5 }, false],
  ])('%j holds: %s', (condition, expected) => {
    expect(holds(condition, aTicket({ tags: ['vip'] }))).toBe(expected);
  });

  it('orders "no priority" below low', () => {
    expect(holds({ field: 'priority', operator: 'less_than', value: 'low' }, aTicket({ priority: null }))).toBe(true);
  });

  it('knows what this update changed, to what and from what', () => {
    const update = change({ status: 'new' });
    expect(holds({ field: 'status', operator: 'changed', value: null }, aTicket(), update)).toBe(true);
    expect(holds({ field: 'status', operator: 'value', value: 'open' }, aTicket(), update)).toBe(true);
    expect(holds({ field: 'status', operator: 'value_previous', value: 'new' }, aTicket(), update)).toBe(true);
    expect(holds({ field: 'priority', operator: 'changed', value: null }, aTicket(), update)).toBe(false);
  });

  it('reads custom checkbox fields as true/false and text fields as present/not present', () => {
    const ticket = aTicket({ customFields: new Map<number, string | boolean | null>([[7, true], [8, null]]) });
    expect(holds({ field: 'custom_fields_7', operator: 'is', value: true }, ticket)).toBe(true);
    expect(holds({ field: 'custom_fields_7', operator: 'is', value: 'false' }, ticket)).toBe(false);
    expect(holds({ field: 'custom_fields_8', operator: 'not_present', value: null }, ticket)).toBe(true);
  });

  it('needs every "all" and, if any are given, one "any"', () => {
    const ticket = aTicket();
    const all = [{ field: 'status', operator: 'is', value: 'open' }];
    expect(conditionsHold({ state, ticket, update: change() }, { all, any: [] })).toBe(true);
    expect(conditionsHold({ state, ticket, update: change() }, { all, any: [{ field: 'priority', operator: 'is', value: 'high' }] })).toBe(false);
  });
});
