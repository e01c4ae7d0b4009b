import { createSchedule, validateSchedule } from '../../../src/core/schedule';
import { ValidationError } from '../../../src/core/result';
import { aScheduleSpec } from './a-schedule';

const problemsOf = (input: unknown) => {
  const result = validateSchedule(input);
  return result.ok ? [] : result.errors.map(({ path, code }) => ({ path, code }));
};

describe('validateSchedule', () => {
  it('accepts the issue\'s example', () => {
    const result = validateSchedule({
      timeZone: 'Europe/Warsaw',
      week: { mon: [['09:00', '13:00'], ['14:00', '18:00']], tue: [['22:00', '06:00']], sat: [] },
      holidays: ['2026-12-25', '01-01'],
      exceptions: { '2026-12-24': [['09:00', '12:00']] },
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, [{ path: 'timeZone', code: 'unknown_time_zone' }]],
    ['25:00', { week: { mon: [['09:00', '25:00']] } }, [{ path: 'week.mon[0][1]', code: 'invalid_time' }]],
    ['24:30', { week: { mon: [['09:00', '24:30']] } }, [{ path: 'week.mon[0][1]', code: 'invalid_time' }]],
    ['24:00 as a start', { week: { mon: [['24:00', '06:00']] } }, [{ path: 'week.mon[0][0]', code: 'invalid_time' }]],
    ['a time without minutes', { week: { mon: [['9', '17:00']] } }, [{ path: 'week.mon[0][0]', code: 'invalid_time' }]],
    ['overlapping intervals', { week: { mon: [['09:00', '13:00'], ['12:00', '18:00']] } }, [{ path: 'week.mon[1]', code: 'overlapping_intervals' }]],
    ['an overnight interval overlapping a later one of its day', { week: { mon: [['22:00', '06:00'], ['23:00', '23:30']] } }, [{ path: 'week.mon[1]', code: 'overlapping_intervals' }]],
    ['a malformed holiday', { holidays: ['2026-02-30'] }, [{ path: 'holidays[0]', code: 'invalid_date' }]],
    ['a malformed yearly holiday', { holidays: ['13-01'] }, [{ path: 'holidays[0]', code: 'invalid_date' }]],
    ['a malformed exception date', { exceptions: { '2026-1-5': [] } }, [{ path: 'exceptions["2026-1-5"]', code: 'invalid_date' }]],
    ['a bad exception time', { exceptions: { '2026-12-24': [['09:00', '9:6']] } }, [{ path: 'exceptions["2026-12-24"][0][1]', code: 'invalid_time' }]],
    ['no open time at all', { week: { mon: [] } }, [{ path: 'week', code: 'no_open_time' }]],
    ['an unknown weekday', { week: { funday: [['09:00', '17:00']] } }, [{ path: 'week', code: 'unknown_key' }]],
    ['a non-array day', { week: { mon: '09:00-17:00' } }, [{ path: 'week.mon', code: 'invalid_type' }]],
  ])('rejects %s, naming the field', (_name, overrides, expected) => {
    expect(problemsOf({ ...aScheduleSpec(), ...overrides })).toEqual(expected);
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      timeZone: 'Nowhere/Land',
      week: { mon: [['25:00', '17:00']], tue: [['09:00', '12:00'], ['11:00', '13:00']] },
      holidays: ['2026-13-01', '02-29'],
    });
    expect(problems).toEqual([
      { path: 'timeZone', code: 'unknown_time_zone' },
      { path: 'week.mon[0][0]', code: 'invalid_time' },
      { path: 'week.tue[1]', code: 'overlapping_intervals' },
      { path: 'holidays[0]', code: 'invalid_date' },
    ]);
  });

  it('accepts an exception-only schedule (open time on some dates only)', () => {
    expect(validateSchedule({ timeZone: 'Etc/UTC', week: {}, exceptions: { '2026-12-24': [['09:00', '12:00']] } }).ok).toBe(true);
  });

  it('createSchedule throws a ValidationError carrying the problems, and keeps the spec', () => {
    expect(() => createSchedule({ timeZone: 'Nowhere/Land', week: { mon: [['09:00', '17:00']] } })).toThrow(ValidationError);
    const schedule = createSchedule(aScheduleSpec());
    expect(schedule.kind === 'business' && schedule.spec).toEqual(aScheduleSpec());
  });
});
