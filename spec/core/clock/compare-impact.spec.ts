import { compareImpact } from '../../../src/core/clock';
import type { SlaPolicy } from '../../../src/core/policy/sla-policy';
import type { TicketEvent } from '../../../src/core/ticket/ticket-event';
import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { agentComment, at, created, endUserComment, statusChange, target } from './history-builder';

const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;
const NOW = t('09:30');

/** An open urgent ticket whose requester wrote at 09:00 and has had no reply yet. */
const waiting: readonly TicketEvent[] = [created(C, { status: 'open', priority: 'urgent' }), endUserComment(C)];
const standard = aPolicy({ id: 'standard', title: 'Standard', targets: [target('first_reply_time', 60)] });

function impact(history: readonly TicketEvent[], before: readonly SlaPolicy[], after: readonly SlaPolicy[], now = NOW) {
  return compareImpact(assess({ history, policies: before, now }), assess({ history, policies: after, now }));
}

describe('compareImpact', () => {
  it('gives nothing when the draft changes nothing for the ticket', () => {
    expect(impact(waiting, [standard], [{ ...standard, description: 'reworded' }])).toEqual([]);
  });

  it('says "earlier" with both due times when a target is shortened', () => {
    const shorter = { ...standard, targets: [target('first_reply_time', 45)] };
    expect(impact(waiting, [standard], [shorter])).toEqual([
      {
        metric: 'first_reply_time',
        change: 'earlier',
        dueBefore: at(t('10:00')),
        dueAfter: at(t('09:45')),
        policyBefore: { id: 'standard', title: 'Standard' },
        policyAfter: { id: 'standard', title: 'Standard' },
      },
    ]);
  });

  it('says "later" when a target is lengthened', () => {
    const longer = { ...standard, targets: [target('first_reply_time', 120)] };
    expect(impact(waiting, [standard], [longer])).toMatchObject([{ change: 'later', dueBefore: at(t('10:00')), dueAfter: at(t('11:00')) }]);
  });

  it('says "newly_breached" when the shorter target already passed, and "no_longer_breached" the other way', () => {
    const tight = { ...standard, targets: [target('first_reply_time', 20)] };
    expect(impact(waiting, [standard], [tight])).toMatchObject([{ change: 'newly_breached', dueAfter: at(t('09:20')) }]);
    expect(impact(waiting, [tight], [standard])).toMatchObject([{ change: 'no_longer_breached', dueBefore: at(t('09:20')) }]);
  });

  it('counts a fulfilment that the shorter target makes late as newly breached (the recompute would record it)', () => {
    const replied = [...waiting, agentComment(t('09:25'))];
    const tight = { ...standard, targets: [target('first_reply_time', 20)] };
    expect(impact(replied, [standard], [tight])).toMatchObject([{ metric: 'first_reply_time', change: 'newly_breached' }]);
  });

  it('leaves out a metric met under both (its due time is computed anew, but nothing about it will happen)', () => {
    const replied = [...waiting, agentComment(t('09:25'))];
    const longer = { ...standard, targets: [target('first_reply_time', 120)] };
    expect(impact(replied, [standard], [longer])).toEqual([]);
  });

  it('says "newly_applies" / "no_longer_applies" when a metric gains or loses its target', () => {
    const none = { ...standard, targets: [] };
    expect(impact(waiting, [none], [standard])).toMatchObject([{ metric: 'first_reply_time', change: 'newly_applies', dueBefore: null, dueAfter: at(t('10:00')) }]);
    expect(impact(waiting, [standard], [])).toMatchObject([{ change: 'no_longer_applies', policyBefore: { id: 'standard' }, policyAfter: null }]);
  });

  it('says "policy_changed" when another policy takes over with the same due time', () => {
    const urgent = aPolicy({ id: 'urgent', title: 'Urgent', filter: { all: [{ field: 'priority', operator: 'is', value: 'urgent' }], any: [] }, targets: standard.targets });
    expect(impact(waiting, [standard], [standard, urgent])).toMatchObject([
      { change: 'policy_changed', dueBefore: at(t('10:00')), dueAfter: at(t('10:00')), policyBefore: { id: 'standard' }, policyAfter: { id: 'urgent', title: 'Urgent' } },
    ]);
  });

  it('compares paused clocks by the minutes they have left', () => {
    const pending = [...waiting, statusChange(t('09:10'), 'open', 'pending')];
    const wait = (minutes: number) => ({ ...standard, targets: [target('requester_wait_time', minutes)] });
    expect(impact(pending, [wait(60)], [wait(30)])).toMatchObject([{ metric: 'requester_wait_time', change: 'earlier', dueBefore: null, dueAfter: null }]);
  });
});
