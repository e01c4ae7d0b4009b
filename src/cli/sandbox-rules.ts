import type { PolicyTarget, ScheduleSpec } from '../core';
import type { PolicyBody } from '../server/store/sla-store';

/** The demo account's business hours: a Warsaw support desk, Mon–Fri 09:00–17:00, Polish public holidays, a short Christmas Eve. */
export const SANDBOX_SCHEDULE: { readonly name: string; readonly spec: ScheduleSpec } = {
  name: 'Warsaw office',
  spec: {
    timeZone: 'Europe/Warsaw',
    week: {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    },
    holidays: ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26'],
    exceptions: { '12-24': [['09:00', '12:00']] },
  },
};

/**
 * The demo account's promises, as a support team would write them: by priority, urgent 1 h first reply / 24 h
 * resolution, high 4 h / 48 h, normal 8 h / 72 h, low 24 h / 1 week; VIP customers (the seeded "VIP" organization)
 * get faster replies than everyone else. First replies count business minutes of the office schedule, resolution
 * calendar time.
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
      description: 'Every other ticket: first reply by priority in business hours, resolution in calendar time.',
      active: true,
      filter: { all: [], any: [] },
      targets: [
        business('first_reply_time', 'urgent', 60, 15),
        business('first_reply_time', 'high', 4 * 60, 30),
        business('first_reply_time', 'normal', 8 * 60, 60),
        business('first_reply_time', 'low', 24 * 60, 120),
        business('first_reply_time', 'any', 8 * 60, 60),
        business('next_reply_time', 'any', 8 * 60, 60),
        business('periodic_update_time', 'urgent', 4 * 60),
        business('requester_wait_time', 'any', 16 * 60),
        calendar('total_resolution_time', 'urgent', 24 * 60),
        calendar('total_resolution_time', 'high', 48 * 60),
        calendar('total_resolution_time', 'normal', 72 * 60),
        calendar('total_resolution_time', 'low', 7 * 24 * 60),
        calendar('total_resolution_time', 'any', 72 * 60),
      ],
    },
  ];
}
