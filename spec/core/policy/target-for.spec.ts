import { targetFor, type PolicyTarget } from '../../../src/core/policy';
import { aPolicy } from '../../support/a-policy';

const target = (priority: PolicyTarget['priority'], targetMinutes: number): PolicyTarget => ({ metric: 'first_reply_time', priority, targetMinutes, hours: 'calendar' });
const policy = aPolicy({ targets: [target('urgent', 60), target('any', 480), { ...target('urgent', 1440), metric: 'total_resolution_time' }] });

describe('targetFor', () => {
  it.each([
    ['the exact priority', 'urgent', 'first_reply_time', 60],
    ['the any target for another priority', 'low', 'first_reply_time', 480],
    ['the any target for a ticket without priority', null, 'first_reply_time', 480],
    ['nothing for an untargeted metric', 'urgent', 'agent_work_time', undefined],
    ['nothing when the metric has no target for that priority and no any', 'low', 'total_resolution_time', undefined],
  ] as const)('gives %s', (_name, priority, metric, minutes) => {
    expect(targetFor(policy, metric, priority)?.targetMinutes).toBe(minutes);
  });
});
