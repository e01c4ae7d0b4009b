import type { SlaPolicy } from '../../../../src/core/policy/sla-policy';
import type { TicketSnapshot } from '../../../../src/core/ticket/ticket-snapshot';

/*
 * Private builders for the clock specs. The shared ones (spec/support/a-ticket.ts, a-policy.ts) belong to the
 * policy area and had not landed when these specs were written (issue #2). TODO(#2): switch to the shared ones.
 */

export const aTicket = (overrides: Partial<TicketSnapshot> = {}): TicketSnapshot => ({
  id: '42',
  status: 'new',
  priority: 'normal',
  type: null,
  groupId: null,
  assigneeId: null,
  brandId: null,
  organizationId: null,
  ticketFormId: null,
  requesterEmail: 'ana@example.com',
  tags: [],
  via: 'email',
  customFields: {},
  ...overrides,
});

/** A catch-all, active policy with no targets unless told. */
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
