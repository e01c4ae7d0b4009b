import type { Priority } from '../ticket/ticket-snapshot';
import type { MetricName } from './metric-name';
import type { PolicyTarget, SlaPolicy } from './sla-policy';

/**
 * The policy's target for a metric at a priority: the target for that exact priority, else the "any priority"
 * target. A ticket without a priority gets only the "any priority" target, as it has no priority to match.
 */
export function targetFor(policy: SlaPolicy, metric: MetricName, priority: Priority | null): PolicyTarget | undefined {
  let fallback: PolicyTarget | undefined;
  for (const target of policy.targets) {
    if (target.metric !== metric) continue;
    if (priority !== null && target.priority === priority) return target;
    if (target.priority === 'any') fallback = target;
  }
  return fallback;
}
