import ConditionBuilder from '../../../../../src/app/locations/admin/policies/ConditionBuilder';
import { EMPTY_DIRECTORY, type AccountDirectory } from '../../../../../src/app/locations/admin/api/account-directory';
import type { ConditionDraft } from '../../../../../src/app/locations/admin/policies/policy-draft';
import { renderMarkup, sectionOf, selectedOptions, textOf, tIn } from '../render-markup';

const directory: AccountDirectory = {
  ...EMPTY_DIRECTORY,
  groups: [
    { value: '20001', label: 'Support' },
    { value: '20002', label: 'Billing' },
  ],
  customFields: [{ id: '360001', title: 'Plan', type: 'tagger', options: [{ value: 'plan_gold', label: 'Gold' }] }],
};

const render = (conditions: ConditionDraft[], options: { problems?: { path: string; code: string; message: string }[]; dir?: AccountDirectory; locale?: 'en' | 'ja' } = {}) =>
  renderMarkup(
    <ConditionBuilder group="all" conditions={conditions} directory={options.dir ?? directory} problems={options.problems ?? []} t={tIn(options.locale)} onChange={() => undefined} />,
  );

describe('ConditionBuilder', () => {
  it('shows each condition as field, operator and value, with the group’s names for ids', () => {
    const html = render([{ field: 'group_id', operator: 'is', value: '20002' }]);
    expect(selectedOptions(html)).toEqual(['Group', 'is', 'Billing']);
    expect(textOf(html)).toContain('Tickets must meet all of these conditions');
  });

  it('offers the operators the core allows for the field, narrowed by a custom field’s type', () => {
    const priority = render([{ field: 'priority', operator: 'less_than', value: 'high' }]);
    expect(textOf(sectionOf(priority, 'data-condition-row', 'filter.all[0]'))).toContain('is less than');
    const tagger = render([{ field: 'custom_fields_360001', operator: 'is', value: 'plan_gold' }]);
    const row = sectionOf(tagger, 'data-condition-row', 'filter.all[0]');
    expect(selectedOptions(row)).toEqual(['Plan', 'is', 'Gold']);
    expect(textOf(row)).not.toContain('is less than');
    expect(textOf(row)).not.toContain('contains');
  });

  it('shows a list operator’s values as checkboxes, ticked for the chosen ones', () => {
    const html = render([{ field: 'status', operator: 'in', value: ['open', 'pending'] }]);
    const checked = [...html.matchAll(/<input[^>]*type="checkbox"[^>]*>/g)].map((m) => m[0].includes('checked=""'));
    expect(checked).toEqual([false, true, true, false, false, false]);
    expect(textOf(html)).toContain('Pending');
  });

  it('asks for the id as text when Zendesk did not give the list (a plan without brands)', () => {
    const html = render([{ field: 'brand_id', operator: 'is', value: '77' }], { dir: EMPTY_DIRECTORY });
    expect(html).toMatch(/<input[^>]*aria-label="Condition 1: value"[^>]*value="77"/);
  });

  it('shows a validation message beside the value it concerns, not in another row', () => {
    const html = render(
      [
        { field: 'status', operator: 'is', value: 'open' },
        { field: 'tags', operator: 'includes', value: [] },
      ],
      { problems: [{ path: 'filter.all[1].value', code: 'list_required', message: '"includes" needs at least one value' }] },
    );
    expect(textOf(sectionOf(html, 'data-condition-row', 'filter.all[1]'))).toContain('Choose at least one value.');
    expect(textOf(sectionOf(html, 'data-condition-row', 'filter.all[0]'))).not.toContain('Choose at least one value.');
  });

  it('speaks the admin’s language', () => {
    const html = render([{ field: 'priority', operator: 'is', value: 'urgent' }], { locale: 'ja' });
    expect(selectedOptions(html)).toEqual(['優先度', 'が次と等しい', '緊急']);
  });
});
