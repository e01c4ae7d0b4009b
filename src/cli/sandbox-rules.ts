import type { PolicyTarget, ScheduleSpec } from '../core';
import type { PolicyBody } from '../server/store/sla-store';

/** The demo account's business hours: a Warsaw support desk, Polish public holidays, a short Christmas Eve. */
export const SANDBOX_SCHEDULE: { readonly name: string; readonly spec: ScheduleSpec } = {
  name: 'Warsaw office',
  spec: {
    timeZone: 'Europe/Warsaw',
    week: {
      mon: [['08:00', '18:00']],
      tue: [['08:00', '18:00']],
      wed: [['08:00', '18:00']],
      thu: [['08:00', '18:00']],
      fri: [['08:00', '18:00']],
    },
    holidays: ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'],
    exceptions: { '12-24': [['08:00', '12:00']] },
  },
};

/**
 * The demo account's promises, as a support team would write them: VIP customers (the seeded "VIP" organization)
 * get faster replies than everyone else; total resolution counts calendar time. Minutes are business minutes of
 * the office schedule unless said otherwise.
 */
export function sandboxPolicies(scheduleId: string, vipOrganizationId: string): PolicyBody[] {
  const business = (metric: PolicyTarget['metric'], priority: PolicyTarget['priority'], targetMinutes: number, warnMinutesBefore?: number): PolicyTarget => ({
    metric,
    priority,
    targetMinutes,
    hours: 'business',
    scheduleId,
    ...(warnMinutesBefore === undefined ? {} : { warnMinutesBefore }),
  });
  const calendar = (metric: PolicyTarget['metric'], priority: PolicyTarget['priority'], targetMinutes: number): PolicyTarget => ({ metric, priority, targetMinutes, hours: 'calendar' });
  return [
    {
      title: 'VIP customers',
      description: 'Customers of the VIP organization: first reply within 30 minutes when urgent, 1 hour otherwise.',
      active: true,
      filter: { all: [{ field: 'organization_id', operator: 'is', value: vipOrganizationId }], any: [] },
      targets: [
        business('first_reply_time', 'urgent', 30, 10),
        business('first_reply_time', 'any', 60, 15),
        business('next_reply_time', 'any', 120, 30),
        business('requester_wait_time', 'any', 8 * 60),
        calendar('total_resolution_time', 'any', 3 * 24 * 60),
      ],
    },
    {
      title: 'Standard',
      description: 'Every other ticket.',
      active: true,
      filter: { all: [], any: [] },
      targets: [
        business('first_reply_time', 'urgent', 60, 15),
        business('first_reply_time', 'high', 2 * 60, 30),
        business('first_reply_time', 'any', 4 * 60, 60),
        business('next_reply_time', 'any', 8 * 60, 60),
        business('periodic_update_time', 'urgent', 4 * 60),
        business('requester_wait_time', 'any', 16 * 60),
        calendar('total_resolution_time', 'urgent', 24 * 60),
        calendar('total_resolution_time', 'any', 7 * 24 * 60),
      ],
    },
  ];
}
