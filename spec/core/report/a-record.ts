import type { ReportRecord } from '../../../src/core/report';

export const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A report record with defaults: a met first reply of ticket 1, in group g1, 30 business minutes. */
export function aRecord(overrides: Partial<ReportRecord> = {}): ReportRecord {
  return {
    ticketId: '1',
    metric: 'first_reply_time',
    instance: 1,
    policyId: 'p1',
    priority: 'high',
    groupId: 'g1',
    assigneeId: 'a1',
    brandId: 'b1',
    organizationId: null,
    via: 'email',
    status: 'met',
    startedAt: T0,
    dueAt: T0 + 60 * 60_000,
    fulfilledAt: T0 + 30 * 60_000,
    breachedAt: null,
    businessMinutes: 30,
    calendarMinutes: 30,
    ...overrides,
  };
}
