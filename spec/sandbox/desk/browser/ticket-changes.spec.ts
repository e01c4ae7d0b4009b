import { changedProperties, splitTags, type TicketProperties } from '../../../../src/sandbox/desk/browser/ticket-changes';

const before: TicketProperties = { status: 'open', priority: 'normal', type: '', group_id: '20001', assignee_id: '10002', tags: 'login vip' };

describe('changedProperties', () => {
  it('sends only what changed, in the Tickets API’s terms', () => {
    expect(changedProperties(before, { ...before, priority: 'urgent', assignee_id: '', group_id: '20002', type: 'incident' })).toEqual({
      priority: 'urgent',
      assignee_id: null,
      group_id: 20002,
      type: 'incident',
    });
  });

  it('treats tags as a set of words: spacing alone is no change', () => {
    expect(changedProperties(before, { ...before, tags: ' login   vip ' })).toEqual({});
    expect(changedProperties(before, { ...before, tags: 'login vip sla_out_first_reply_time' })).toEqual({ tags: ['login', 'vip', 'sla_out_first_reply_time'] });
    expect(splitTags('a, b  c')).toEqual(['a', 'b', 'c']);
  });
});
