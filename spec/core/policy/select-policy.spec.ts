import { selectPolicy, ticketMatchesFilter, type SlaPolicy } from '../../../src/core/policy';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';

const catchAll = aPolicy({ id: 'all', title: 'Everyone', position: 3 });
const urgent = aPolicy({ id: 'urgent', title: 'Urgent', position: 2, filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] } });
const vipUrgent = aPolicy({
  id: 'vip-urgent',
  title: 'VIP urgent',
  position: 5,
  filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }, { field: 'organization_id', operator: 'is', value: '77' }], any: [] },
});
const idOf = (policies: readonly SlaPolicy[], ticket = aTicket()) => {
  const selection = selectPolicy(policies, ticket);
  return selection.kind === 'selected' ? selection.policy.id : null;
};

describe('ticketMatchesFilter', () => {
  it('needs every all condition and, when there are any conditions, one of them', () => {
    const filter = { all: [{ field: 'status', operator: 'less_than', value: 'solved' }], any: [{ field: 'tags', operator: 'includes', value: ['a'] }, { field: 'tags', operator: 'includes', value: ['b'] }] } as const;
    expect(ticketMatchesFilter(filter, aTicket({ tags: ['b'] }))).toBe(true);
    expect(ticketMatchesFilter(filter, aTicket({ tags: ['c'] }))).toBe(false);
    expect(ticketMatchesFilter(filter, aTicket({ status: 'solved', tags: ['a'] }))).toBe(false);
    expect(ticketMatchesFilter({ all: [], any: [] }, aTicket())).toBe(true);
  });
});

describe('selectPolicy', () => {
  it('takes the most specific policy that applies, wherever it is in the list', () => {
    const selection = selectPolicy([catchAll, urgent, vipUrgent], aTicket({ priority: 'urgent', organizationId: '77' }));
    expect(selection).toMatchObject({ kind: 'selected', policy: { id: 'vip-urgent' }, specificity: 2, reason: 'most_specific' });
  });

  it('falls back to less specific policies and to the catch-all', () => {
    expect(idOf([catchAll, urgent, vipUrgent], aTicket({ priority: 'urgent' }))).toBe('urgent');
    expect(idOf([catchAll, urgent, vipUrgent], aTicket({ priority: 'low' }))).toBe('all');
  });

  it('breaks a tie by position, then by id', () => {
    const a = aPolicy({ id: 'b', position: 2, filter: { all: [{ field: 'via', operator: 'is', value: 'email' }], any: [] } });
    const b = aPolicy({ id: 'a', position: 1, filter: { all: [{ field: 'status', operator: 'is', value: 'new' }], any: [] } });
    const c2 = aPolicy({ id: 'c', position: 1, filter: { all: [{ field: 'priority', operator: 'is', value: 'normal' }], any: [] } });
    expect(selectPolicy([a, b, c2], aTicket())).toMatchObject({ policy: { id: 'a' }, reason: 'tie_broken_by_position' });
  });

  it('counts the any conditions that held as specificity', () => {
    const two = aPolicy({ id: 'two', position: 9, filter: { all: [], any: [{ field: 'via', operator: 'is', value: 'email' }, { field: 'status', operator: 'is', value: 'new' }] } });
    const one = aPolicy({ id: 'one', position: 1, filter: { all: [{ field: 'via', operator: 'is', value: 'email' }], any: [] } });
    expect(idOf([one, two])).toBe('two');
  });

  it('skips inactive policies but still explains them', () => {
    const inactive = { ...urgent, active: false };
    const selection = selectPolicy([inactive, catchAll], aTicket({ priority: 'urgent' }));
    expect(selection).toMatchObject({ kind: 'selected', policy: { id: 'all' }, reason: 'only_match' });
    expect(selection.considered.find((p) => p.policyId === 'urgent')).toMatchObject({ active: false, applied: false, specificity: null });
  });

  it('says so when no policy applies, with every condition and the ticket value it was compared with', () => {
    const selection = selectPolicy([urgent], aTicket({ priority: 'low' }));
    expect(selection.kind).toBe('none');
    expect(selection.considered).toEqual([
      {
        policyId: 'urgent',
        title: 'Urgent',
        position: 2,
        active: true,
        applied: false,
        specificity: null,
        conditions: [{ group: 'all', condition: { field: 'priority', operator: 'is', value: 'urgent' }, held: false, actual: 'low' }],
      },
    ]);
  });

  it('lists every policy considered in list order, and serialises its explanation', () => {
    const selection = selectPolicy([vipUrgent, catchAll, urgent], aTicket({ priority: 'urgent' }));
    expect(selection.considered.map((p) => [p.policyId, p.applied])).toEqual([['urgent', true], ['all', true], ['vip-urgent', false]]);
    expect(JSON.parse(JSON.stringify(selection)).considered).toHaveLength(3);
  });
});
