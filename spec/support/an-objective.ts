import type { SlaObjective } from '../../src/core/report';

/** An objective's body as the admin page sends it: 95% of urgent first replies within 1 business hour, per month. */
export function anObjectiveBody(overrides: Partial<Omit<SlaObjective, 'id'>> = {}): Omit<SlaObjective, 'id'> {
  return {
    title: '95% of urgent first replies within 1 business hour',
    metric: 'first_reply_time',
    priority: 'urgent',
    organizationId: null,
    policyId: null,
    targetMinutes: 60,
    percent: 95,
    period: 'month',
    timeZone: 'Europe/Warsaw',
    ...overrides,
  };
}

/** The same objective as stored, with an id. */
export function anObjective(overrides: Partial<SlaObjective> = {}): SlaObjective {
  return { id: 'o1', ...anObjectiveBody(), ...overrides };
}
