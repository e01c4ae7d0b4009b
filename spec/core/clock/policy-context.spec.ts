import { policyContexts, targetIn } from '../../../src/core/clock/policy-context';
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
});
