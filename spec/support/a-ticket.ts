import type { TicketSnapshot } from '../../src/core/ticket/ticket-snapshot';

/** A new, normal-priority ticket from ana@example.com by email; override what the test is about. */
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
