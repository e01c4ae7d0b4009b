export * from './schedule-spec';
export { CALENDAR_SCHEDULE, scheduleZone, type Schedule } from './schedule';
export { createSchedule, scheduleSpecSchema, validateSchedule } from './validate-schedule';
export * from './business-time';
