import { validatePolicy, type SlaPolicy } from '../../../../../src/core';
import { draftOf, emptyDraft, policyOf, toGridPaths, withOperator } from '../../../../../src/app/locations/admin/policies/policy-draft';

const gold: SlaPolicy = {
  id: 'p1',
  position: 2,
  title: 'Gold',
  description: 'VIP customers',
  active: true,
  filter: {
    all: [
      { field: 'organization_id', operator: 'is', value: '30003' },
      { field: 'tags', operator: 'includes', value: ['vip', 'gold'] },
    ],
    any: [{ field: 'group_id', operator: 'is', value: null }],
  },
  targets: [
    { metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, hours: 'business', scheduleId: 'emea', warnMinutesBefore: 15 },
    { metric: 'total_resolution_time', priority: 'any', targetMinutes: 2880, hours: 'calendar' },
  ],
};

describe('policy drafts', () => {
  it('turn a policy into the grid and back unchanged', () => {
    expect(policyOf(draftOf(gold, 3))).toEqual(gold);
    expect(draftOf(gold, 3).targets['first_reply_time/urgent']).toEqual({ minutes: '60', clock: 'business:emea', warn: '15' });
  });

  it('read an empty "is" as "has no value", as Zendesk’s builder does', () => {
    const draft = { ...emptyDraft(0), title: 'x', all: [{ field: 'assignee_id' as const, operator: 'is' as const, value: '' }] };
    expect(policyOf(draft).filter.all[0]?.value).toBeNull();
  });

  it('reshape the value when the operator switches between one value and a list', () => {
    expect(withOperator({ field: 'tags', operator: 'includes', value: ['a', 'b'] }, 'includes_all').value).toEqual(['a', 'b']);
    expect(withOperator({ field: 'status', operator: 'is', value: 'open' }, 'in').value).toEqual(['open']);
    expect(withOperator({ field: 'status', operator: 'in', value: ['open', 'new'] }, 'is').value).toBe('open');
  });

  it('name the grid cell of each problem the core finds, not the list index it saw', () => {
    const draft = {
      ...emptyDraft(0),
      title: 'Silver',
      targets: {
        'first_reply_time/low': { minutes: '120', clock: 'calendar' as const, warn: '' },
        'next_reply_time/high': { minutes: '30', clock: 'business:' as const, warn: '45' },
        'next_reply_time/urgent': { minutes: 'soon', clock: 'calendar' as const, warn: '' },
      },
    };
    const result = validatePolicy(policyOf(draft));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : toGridPaths(result.errors, draft).map((p) => `${p.path} ${p.code}`);
    expect(paths).toEqual(
      expect.arrayContaining([
        'targets.next_reply_time/high.scheduleId schedule_required',
        'targets.next_reply_time/high.warnMinutesBefore warning_too_early',
        'targets.next_reply_time/urgent.targetMinutes invalid_type',
      ]),
    );
    expect(paths.some((p) => p.startsWith('targets.first_reply_time/low'))).toBe(false);
  });
});
