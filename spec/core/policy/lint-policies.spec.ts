import { lintPolicies, type Condition, type PolicyTarget } from '../../../src/core/policy';
import { aPolicy } from '../../support/a-policy';

const anyTarget: PolicyTarget = { metric: 'first_reply_time', priority: 'any', targetMinutes: 60, hours: 'business', scheduleId: 'emea' };
const c = (field: Condition['field'], operator: Condition['operator'], value: Condition['value']): Condition => ({ field, operator, value });
const codes = (...args: Parameters<typeof lintPolicies>) => lintPolicies(...args).map(({ policyId, path, code }) => ({ policyId, path, code }));

describe('lintPolicies', () => {
  it('is silent on a sensible set', () => {
    const policies = [
      aPolicy({ id: 'vip', position: 1, filter: { all: [c('organization_id', 'is', '77')], any: [] }, targets: [anyTarget] }),
      aPolicy({ id: 'urgent', position: 2, filter: { all: [c('priority', 'is', 'urgent'), c('status', 'is_not', 'solved')], any: [] }, targets: [anyTarget] }),
      aPolicy({ id: 'all', position: 3, targets: [anyTarget] }),
    ];
    expect(lintPolicies(policies, { scheduleIds: ['emea'] })).toEqual([]);
  });

  it.each([
    ['two values for one field', [c('priority', 'is', 'high'), c('priority', 'is', 'low')]],
    ['is and is_not the same value', [c('status', 'is', 'solved'), c('status', 'is_not', 'solved')]],
    ['is and not_in containing it', [c('via', 'is', 'web'), c('via', 'not_in', ['web', 'api'])]],
    ['includes and not_includes the same tag', [c('tags', 'includes', ['vip']), c('tags', 'not_includes', ['vip'])]],
  ])('warns about contradictory conditions: %s', (_name, all) => {
    expect(codes([aPolicy({ filter: { all, any: [] }, targets: [anyTarget] })])).toEqual([{ policyId: 'standard', path: 'filter.all[1]', code: 'contradictory_conditions' }]);
  });

  it('does not call compatible conditions contradictory', () => {
    const all = [c('priority', 'is', 'high'), c('priority', 'is_not', 'low'), c('tags', 'includes', ['a', 'b']), c('tags', 'not_includes', ['b'])];
    expect(codes([aPolicy({ filter: { all, any: [] }, targets: [anyTarget] })])).toEqual([]);
  });

  it('warns when every any condition contradicts an all condition', () => {
    const policy = aPolicy({ filter: { all: [c('priority', 'is', 'low')], any: [c('priority', 'is', 'high'), c('priority', 'is', 'urgent')] }, targets: [anyTarget] });
    expect(codes([policy])).toEqual([{ policyId: 'standard', path: 'filter.any', code: 'contradictory_conditions' }]);
  });

  it('warns about a policy shadowed by an earlier one with the same conditions, not by a less specific one', () => {
    const filter = { all: [c('priority', 'is', 'urgent')], any: [] };
    const first = aPolicy({ id: 'first', position: 1, filter, targets: [anyTarget] });
    const copy = aPolicy({ id: 'copy', position: 2, filter: { all: [...filter.all], any: [] }, targets: [anyTarget] });
    const moreSpecific = aPolicy({ id: 'more', position: 3, filter: { all: [...filter.all, c('via', 'is', 'web')], any: [] }, targets: [anyTarget] });
    const inactiveCopy = aPolicy({ id: 'off', position: 0, active: false, filter, targets: [anyTarget] });
    expect(codes([copy, first, moreSpecific, inactiveCopy])).toEqual([{ policyId: 'copy', path: 'filter', code: 'shadowed' }]);
  });

  it('warns about priorities without a target, missing schedules, no targets and tiny warnings', () => {
    const policy = aPolicy({ targets: [{ metric: 'first_reply_time', priority: 'urgent', targetMinutes: 240, hours: 'business', scheduleId: 'gone', warnMinutesBefore: 1 }] });
    expect(codes([policy, aPolicy({ id: 'empty', filter: { all: [c('via', 'is', 'web')], any: [] } })], { scheduleIds: ['emea'] })).toEqual([
      { policyId: 'standard', path: 'targets', code: 'missing_priority_target' },
      { policyId: 'standard', path: 'targets[0].scheduleId', code: 'missing_schedule' },
      { policyId: 'standard', path: 'targets[0].warnMinutesBefore', code: 'tiny_warning' },
      { policyId: 'empty', path: 'targets', code: 'no_targets' },
    ]);
  });
});

describe('lintPolicies compares values as evaluation does', () => {
  it.each([
    ['an address in another case', [c('requester_email', 'is', 'Ana@x.com'), c('requester_email', 'is', 'ana@x.com')]],
    ['a domain with and without @', [c('requester_domain', 'is', '@x.com'), c('requester_domain', 'is', 'x.com')]],
  ])('does not call %s a contradiction', (_name, all) => {
    expect(lintPolicies([aPolicy({ filter: { all, any: [] }, targets: [anyTarget] })])).toEqual([]);
  });
});
