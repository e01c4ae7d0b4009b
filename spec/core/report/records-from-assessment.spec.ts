import { recordsFromAssessment } from '../../../src/core/report';
import { snapshotAt } from '../../../src/core/clock';
import { aPolicy } from '../../support/a-policy';
import { assess } from '../clock/assess-fixture';
import { agentComment, at, created, endUserComment, target } from '../clock/history-builder';

describe('recordsFromAssessment', () => {
  it('gives one record per metric instance, with the ticket dimensions and each state’s instants', () => {
    const history = [
      created('2026-03-02T09:00:00Z', { groupId: 'g1', assigneeId: 'a1', organizationId: 'o1', brandId: 'b1', priority: 'high' }),
      agentComment('2026-03-02T09:30:00Z'),
      endUserComment('2026-03-02T10:00:00Z'),
      agentComment('2026-03-02T11:30:00Z'),
      endUserComment('2026-03-02T12:00:00Z'),
    ];
    const policies = [aPolicy({ id: 'p1', targets: [target('first_reply_time', 60), target('next_reply_time', 60)] })];
    const now = '2026-03-02T12:10:00Z';
    const ticket = snapshotAt(history, at(now));
    const records = recordsFromAssessment(ticket, assess({ history, policies, now }));
    const measured = records.filter((r) => r.status !== 'not_applicable');
    expect(measured.map((r) => [r.metric, r.instance, r.status, r.businessMinutes, r.fulfilledAt && new Date(r.fulfilledAt).toISOString(), r.breachedAt && new Date(r.breachedAt).toISOString()])).toEqual([
      ['first_reply_time', 1, 'met', 30, '2026-03-02T09:30:00.000Z', null],
      ['next_reply_time', 1, 'met_late', 90, '2026-03-02T11:30:00.000Z', '2026-03-02T11:00:00.000Z'],
      ['next_reply_time', 2, 'active', 10, null, null],
    ]);
    expect(measured.every((r) => r.ticketId === '42' && r.policyId === 'p1' && r.groupId === 'g1' && r.assigneeId === 'a1' && r.priority === 'high' && r.via === 'email')).toBe(true);
    // metrics without a target are reported as not measured, with the policy in force
    expect(records.filter((r) => r.status === 'not_applicable').every((r) => r.policyId === 'p1' && r.businessMinutes === null)).toBe(true);
  });
});
