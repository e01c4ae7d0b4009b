import { createSchedule, type Schedule, type ScheduleSpec } from '../../../src/core/schedule';

const OFFICE = [['09:00', '17:00']] as const;

/** biz-style defaults: Mon–Fri 09:00–17:00 in Etc/UTC, no holidays; override any part. */
export function aScheduleSpec(overrides: Partial<ScheduleSpec> = {}): ScheduleSpec {
  return {
    timeZone: 'Etc/UTC',
    week: { mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE },
    ...overrides,
  };
}

export function aSchedule(overrides: Partial<ScheduleSpec> = {}): Schedule {
  return createSchedule(aScheduleSpec(overrides));
}
