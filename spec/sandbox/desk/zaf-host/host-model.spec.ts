import { answerGet, applySet, changeEvents, type HostModel } from '../../../../src/sandbox/desk/zaf-host/host-model';

const aModel = (): HostModel => ({
  ticket: { id: 42, subject: 'Printer on fire', status: 'open', priority: 'high', type: null, tags: ['vip'], customFields: { 900: '2026-11-20T10:00:00Z', 901: null }, updatedAt: '2026-11-20T09:00:00Z' },
  currentUser: { id: 7, name: 'Seven', email: 's@example.com', locale: 'pl', timeZone: { name: 'Warsaw', ianaName: 'Europe/Warsaw', offset: 60, formattedOffset: 'GMT+01:00' }, role: 'agent' },
  requirements: { sla_policy: { requirement_id: 900, requirement_type: 'ticket_fields' } },
});

describe('answerGet', () => {
  it('answers ticket, user, custom field and requirement paths in one call', () => {
    const model = aModel();
    expect(
      answerGet(model, ['ticket.id', 'ticket.tags', 'ticket.customField:custom_field_900', 'ticket.customField:custom_field_901', 'currentUser.locale', 'currentUser.timeZone', 'requirement:sla_policy']),
    ).toEqual({
      'ticket.id': 42,
      'ticket.tags': ['vip'],
      'ticket.customField:custom_field_900': '2026-11-20T10:00:00Z',
      'ticket.customField:custom_field_901': null,
      'currentUser.locale': 'pl',
      'currentUser.timeZone': model.currentUser.timeZone,
      'requirement:sla_policy': { requirement_id: 900, requirement_type: 'ticket_fields' },
      errors: {},
    });
  });

  it('walks nested ticket objects: assignee user and group, requester', () => {
    const model = aModel();
    if (model.ticket) {
      model.ticket.assignee = { user: { id: 7, name: 'Seven' }, group: { id: 3, name: 'Billing' } };
      model.ticket.requester = { id: 9, name: 'Nine', email: 'n@example.com' };
    }
    expect(answerGet(model, ['ticket.assignee.user.name', 'ticket.assignee.group', 'ticket.requester.email', 'ticket.assignee.user.nope'])).toEqual({
      'ticket.assignee.user.name': 'Seven',
      'ticket.assignee.group': { id: 3, name: 'Billing' },
      'ticket.requester.email': 'n@example.com',
      errors: { 'ticket.assignee.user.nope': { name: 'NotFound', message: 'is not available', path: 'ticket.assignee.user.nope' } },
    });
  });

  it('reports paths it cannot answer per path, as ZAF does', () => {
    const { ticket: _none, ...withoutTicket } = aModel();
    expect(answerGet(withoutTicket, ['ticket.id', 'requirement:nope', 'currentUser.id'])).toEqual({
      'currentUser.id': 7,
      errors: {
        'ticket.id': { name: 'NotFound', message: 'is not available', path: 'ticket.id' },
        'requirement:nope': { name: 'NotFound', message: 'is not available', path: 'requirement:nope' },
      },
    });
  });
});

describe('applySet', () => {
  it('changes the unsaved ticket and names the events the change fires', () => {
    const model = aModel();
    const { result, events } = applySet(model, { 'ticket.priority': 'urgent', 'ticket.customField:custom_field_900': 'x' });
    expect(result).toEqual({ errors: {} });
    expect(model.ticket?.priority).toBe('urgent');
    expect(model.ticket?.customFields[900]).toBe('x');
    expect(events).toEqual([
      ['ticket.priority.changed', 'urgent'],
      ['*.changed', { propertyName: 'ticket.priority', newValue: 'urgent' }],
      ['ticket.custom_field_900.changed', 'x'],
      ['*.changed', { propertyName: 'ticket.custom_field_900', newValue: 'x' }],
    ]);
  });

  it('refuses what an app may not set', () => {
    const model = aModel();
    expect(applySet(model, { 'ticket.id': 1, 'currentUser.locale': 'en' })).toEqual({
      result: {
        errors: {
          'ticket.id': { name: 'NotSettable', message: 'cannot be set', path: 'ticket.id' },
          'currentUser.locale': { name: 'NotSettable', message: 'cannot be set', path: 'currentUser.locale' },
        },
      },
      events: [],
    });
    expect(model.ticket?.id).toBe(42);
  });

  it('names the status event as apps subscribe to it', () => {
    expect(changeEvents('ticket.status', 'pending')[0]).toEqual(['ticket.status.changed', 'pending']);
  });
});
