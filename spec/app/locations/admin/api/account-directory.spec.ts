import { customFields, named } from '../../../../../src/app/locations/admin/api/account-directory';

describe('account directory answers', () => {
  it('turn Zendesk’s lists into choices by id', () => {
    expect(named('groups')({ groups: [{ id: 20001, name: 'Support' }, { id: 20002, name: 'Billing' }], next_page: null })).toEqual([
      { value: '20001', label: 'Support' },
      { value: '20002', label: 'Billing' },
    ]);
    expect(named('brands')({ error: 'Forbidden' })).toEqual([]);
  });

  it('keep active custom fields with their options, leaving Zendesk’s own fields out', () => {
    const body = {
      ticket_fields: [
        { id: 1, type: 'subject', title: 'Subject', active: true },
        { id: 2, type: 'priority', title: 'Priority', active: true },
        { id: 360001, type: 'tagger', title: 'Plan', active: true, custom_field_options: [{ name: 'Gold', value: 'plan_gold' }] },
        { id: 360002, type: 'checkbox', title: 'Escalated', active: true },
        { id: 360003, type: 'text', title: 'Old field', active: false },
      ],
    };
    expect(customFields(body)).toEqual([
      { id: '360001', title: 'Plan', type: 'tagger', options: [{ value: 'plan_gold', label: 'Gold' }] },
      { id: '360002', title: 'Escalated', type: 'checkbox', options: [] },
    ]);
  });
});
