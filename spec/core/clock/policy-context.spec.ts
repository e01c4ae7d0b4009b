import fc from 'fast-check';
import { policyContexts, targetIn } from '../../../src/core/clock/policy-context';
import type { Condition } from '../../../src/core/policy/ticket-filter';
import type { TicketSnapshot } from '../../../src/core/ticket/ticket-snapshot';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';
import { target } from './history-builder';

const enterprise = aPolicy({
  id: 'enterprise',
  title: 'Enterprise plan',
  position: 1,
  filter: { all: [{ field: 'custom_fields_360001', operator: 'is', value: 'enterprise' }], any: [] },
  targets: [target('first_reply_time', 30), target('first_reply_time', 10, { priority: 'urgent' })],
});
const everyone = aPolicy({ id: 'everyone', title: 'Everyone', position: 2, targets: [target('first_reply_time', 240)] });
const policies = [enterprise, everyone];

describe('policyContexts', () => {
  it('knows which snapshot fields can change the policy or the target', () => {
    const contexts = policyContexts(policies);
    expect(['priority', 'customFields', 'status', 'tags', 'groupId'].map((f) => contexts.matters(f as 'status'))).toEqual([true, true, false, false, false]);
  });

  it('re-selects when a field a condition reads changes', () => {
    const contexts = policyContexts(policies);
    const basic = contexts.contextFor(aTicket({ customFields: { '360001': 'basic' } }));
    const plan = contexts.contextFor(aTicket({ customFields: { '360001': 'enterprise' } }));
    expect([basic.policy?.id, plan.policy?.id]).toEqual(['everyone', 'enterprise']);
  });

  it('reuses the choice for states that differ only in fields no condition reads', () => {
    const contexts = policyContexts(policies);
    const open = contexts.contextFor(aTicket({ status: 'open', tags: ['a'], customFields: { '360001': 'enterprise' } }));
    const pending = contexts.contextFor(aTicket({ status: 'pending', tags: ['b'], customFields: { '360001': 'enterprise' } }));
    expect(pending).toBe(open);
  });

  it('keeps one context per priority, with its own targets', () => {
    const contexts = policyContexts(policies);
    const normal = contexts.contextFor(aTicket({ priority: 'normal', customFields: { '360001': 'enterprise' } }));
    const urgent = contexts.contextFor(aTicket({ priority: 'urgent', customFields: { '360001': 'enterprise' } }));
    expect([targetIn(normal, 'first_reply_time')?.targetMinutes, targetIn(urgent, 'first_reply_time')?.targetMinutes]).toEqual([30, 10]);
    expect(targetIn(urgent, 'agent_work_time')).toBeNull();
  });

  it('does not share choices between policy lists', () => {
    const ticket = aTicket({ customFields: { '360001': 'enterprise' } });
    expect(policyContexts(policies).contextFor(ticket).policy?.id).toBe('enterprise');
    expect(policyContexts([everyone]).contextFor(ticket).policy?.id).toBe('everyone');
  });

  it('shares choices between assessments that pass the same list, from its second use on', () => {
    const list = [enterprise, everyone];
    const ticket = aTicket({ customFields: { '360001': 'enterprise' } });
    const [first, second, third] = [1, 2, 3].map(() => policyContexts(list).contextFor(ticket));
    expect(third).toBe(second);
    expect(first?.policy?.id).toBe('enterprise');
  });

  it('explains a choice from the ticket it was made for, even when the caller changes its snapshot afterwards', () => {
    const urgentOnly = aPolicy({ id: 'urgent', filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] } });
    const contexts = policyContexts([urgentOnly, everyone]);
    // A replay hands over its working snapshot and goes on changing it; the choice is shared by later assessments.
    const working: { -readonly [K in keyof TicketSnapshot]: TicketSnapshot[K] } = { ...aTicket({ priority: 'urgent' }) };
    const context = contexts.contextFor(working);
    working.priority = 'low';
    const considered = context.selection.considered.find((p) => p.policyId === 'urgent');
    expect(considered).toMatchObject({ applied: true, conditions: [{ held: true, actual: 'urgent' }] });
  });

  describe('afterChange', () => {
    const fields = ['priority', 'status', 'groupId', 'tags', 'requesterEmail', 'customFields', 'via'] as const;
    type Field = (typeof fields)[number];
    const valueOf: Record<Field, fc.Arbitrary<unknown>> = {
      priority: fc.constantFrom(null, 'low', 'normal', 'high', 'urgent'),
      status: fc.constantFrom('new', 'open', 'pending', 'solved'),
      groupId: fc.constantFrom(null, 'g1', 'g2'),
      tags: fc.subarray(['vip', 'gold', 'eu']),
      requesterEmail: fc.constantFrom(null, 'ana@a.com', 'bob@b.com'),
      customFields: fc.record({ '1': fc.constantFrom('x', 'y', 5), '2': fc.constantFrom('p', 'q') }, { requiredKeys: [] }),
      via: fc.constantFrom('email', 'web'),
    };
    const conditionArb: fc.Arbitrary<Condition> = fc.oneof(
      fc.record({ field: fc.constant('priority' as const), operator: fc.constantFrom('is' as const, 'greater_than' as const), value: fc.constantFrom('normal', 'high') }),
      fc.record({ field: fc.constant('status' as const), operator: fc.constant('is' as const), value: fc.constantFrom('open', 'pending') }),
      fc.record({ field: fc.constant('group_id' as const), operator: fc.constant('is' as const), value: fc.constantFrom('g1', 'g2') }),
      fc.record({ field: fc.constant('tags' as const), operator: fc.constantFrom('includes' as const, 'not_includes' as const), value: fc.constantFrom('vip', 'gold') }),
      fc.record({ field: fc.constantFrom('requester_email' as const, 'requester_domain' as const), operator: fc.constant('contains' as const), value: fc.constantFrom('a.com', 'bob') }),
      fc.record({ field: fc.constantFrom('custom_fields_1' as const, 'custom_fields_2' as const), operator: fc.constant('is' as const), value: fc.constantFrom('x', 'p', 5) }),
    );
    const change = fc.constantFrom(...fields).chain((field) => valueOf[field].map((value) => ({ field, value })));

    it('steps to the context a full lookup finds, for any policies and any sequence of single-field changes', () => {
      fc.assert(
        fc.property(fc.array(fc.array(conditionArb, { maxLength: 3 }), { maxLength: 5 }), fc.array(change, { maxLength: 12 }), (filters, changes) => {
          const policies = filters.map((all, i) => aPolicy({ id: `p${i}`, position: i, filter: { all, any: [] } }));
          const contexts = policyContexts([...policies, everyone]);
          let snapshot: TicketSnapshot = aTicket();
          let context = contexts.contextFor(snapshot);
          for (const { field, value } of changes) {
            snapshot = { ...snapshot, [field]: value };
            context = contexts.afterChange(context, field, snapshot);
            if (context !== contexts.contextFor(snapshot)) return false;
          }
          return true;
        }),
        { numRuns: 500 },
      );
    });
  });
});
