import type { SlaPolicy } from '../../src/core/policy/sla-policy';

/** An active catch-all policy with no targets; override what the test is about. */
export const aPolicy = (overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id: 'standard',
  title: 'Standard',
  description: '',
  position: 1,
  active: true,
  filter: { all: [], any: [] },
  targets: [],
  ...overrides,
});
