import { createPolicy, validatePolicies, validatePolicy } from '../../../src/core/policy';
import { ValidationError } from '../../../src/core/result';

const valid = {
  id: 'gold',
  title: 'Gold customers',
  description: '2 business hours',
  position: 1,
  active: true,
  filter: { all: [{ field: 'organization_id', operator: 'is', value: '77' }], any: [] },
  targets: [
    { metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, hours: 'business', scheduleId: 'emea', warnMinutesBefore: 15 },
    { metric: 'first_reply_time', priority: 'any', targetMinutes: 120, hours: 'calendar' },
  ],
};
const problemsOf = (input: unknown, scheduleIds?: string[]) => {
  const result = validatePolicy(input, { scheduleIds });
  return result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }));
};
const withTarget = (patch: object) => ({ ...valid, targets: [{ ...valid.targets[0], ...patch }] });
const withCondition = (condition: object) => ({ ...valid, filter: { all: [condition], any: [] } });

describe('validatePolicy', () => {
  it('accepts a valid policy and fills defaults', () => {
    const result = validatePolicy({ ...valid, description: undefined, filter: undefined }, { scheduleIds: ['emea'] });
    expect(result).toMatchObject({ ok: true, value: { description: '', filter: { all: [], any: [] } } });
  });

  it.each([
    ['a missing title', { ...valid, title: ' ' }, 'title', 'too_small'],
    ['a negative position', { ...valid, position: -1 }, 'position', 'too_small'],
    ['an unknown metric', withTarget({ metric: 'first_response' }), 'targets[0].metric', 'invalid_value'],
    ['an unknown priority', withTarget({ priority: 'critical' }), 'targets[0].priority', 'invalid_value'],
    ['a zero target', withTarget({ targetMinutes: 0 }), 'targets[0].targetMinutes', 'too_small'],
    ['a target over a year', withTarget({ targetMinutes: 600_000 }), 'targets[0].targetMinutes', 'too_big'],
    ['business hours without a schedule', withTarget({ scheduleId: undefined }), 'targets[0].scheduleId', 'schedule_required'],
    ['a warning at or after the due time', withTarget({ warnMinutesBefore: 60 }), 'targets[0].warnMinutesBefore', 'warning_too_early'],
    ['an unknown field', withCondition({ field: 'subject', operator: 'is', value: 'x' }), 'filter.all[0].field', 'invalid_format'],
    ['contains on priority', withCondition({ field: 'priority', operator: 'contains', value: 'u' }), 'filter.all[0].operator', 'operator_not_allowed'],
    ['less_than on group', withCondition({ field: 'group_id', operator: 'less_than', value: '3' }), 'filter.all[0].operator', 'operator_not_allowed'],
    ['an empty in list', withCondition({ field: 'status', operator: 'in', value: [] }), 'filter.all[0].value', 'list_required'],
    ['a list for is', withCondition({ field: 'via', operator: 'is', value: ['web'] }), 'filter.all[0].value', 'single_value_required'],
    ['an unknown priority value', withCondition({ field: 'priority', operator: 'is', value: 'critical' }), 'filter.all[0].value', 'unknown_value'],
    ['contains without a value', withCondition({ field: 'requester_email', operator: 'contains', value: '' }), 'filter.all[0].value', 'value_required'],
  ])('rejects %s, naming the field', (_name, input, path, code) => {
    expect(problemsOf(input, ['emea'])).toContainEqual({ path, code });
  });

  it('rejects a second target for the same metric and priority', () => {
    expect(problemsOf({ ...valid, targets: [...valid.targets, valid.targets[1]] }, ['emea'])).toEqual([{ path: 'targets[2]', code: 'duplicate_target' }]);
  });

  it('rejects a schedule the account does not have', () => {
    expect(problemsOf(valid, ['amer'])).toEqual([{ path: 'targets[0].scheduleId', code: 'unknown_schedule' }]);
  });

  it('lists every problem at once', () => {
    const input = { ...valid, title: '', targets: [{ ...valid.targets[0], targetMinutes: -5 }, { ...valid.targets[1], hours: 'weekly' }], filter: { all: [{ field: 'tags', operator: 'is', value: 'x' }], any: [] } };
    expect(problemsOf(input).map((p) => p.path)).toEqual(['title', 'filter.all[0].operator', 'targets[0].targetMinutes', 'targets[0].warnMinutesBefore', 'targets[1].hours']);
  });

  it('createPolicy throws a ValidationError carrying the problems', () => {
    expect(() => createPolicy({ ...valid, title: '' })).toThrow(ValidationError);
  });
});

describe('validatePolicy and space-separated lists', () => {
  it('accepts Zendesk\'s space-separated list for a list operator, as evaluation reads it', () => {
    expect(problemsOf(withCondition({ field: 'priority', operator: 'in', value: 'high urgent' }), ['emea'])).toEqual([]);
    expect(problemsOf(withCondition({ field: 'priority', operator: 'in', value: 'high critical' }), ['emea'])).toEqual([{ path: 'filter.all[0].value', code: 'unknown_value' }]);
  });
});

describe('validatePolicies', () => {
  it('checks every policy with its index in the path, and refuses a repeated id', () => {
    const result = validatePolicies([valid, { ...valid, title: '' }, { ...valid, position: 2 }], { scheduleIds: ['emea'] });
    expect(result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }))).toEqual([
      { path: '[1].title', code: 'too_small' },
      { path: '[2].id', code: 'duplicate_id' },
    ]);
    expect(validatePolicies([valid, { ...valid, id: 'silver' }], { scheduleIds: ['emea'] })).toMatchObject({ ok: true, value: [{ id: 'gold' }, { id: 'silver' }] });
  });
});
