import { checkScheduleDraft } from '../../../../../src/app/locations/admin/schedules/SchedulesTab';
import { newScheduleDraft, scheduleDraftOf, specOf, type ScheduleDraft } from '../../../../../src/app/locations/admin/schedules/schedule-draft';
import type { ScheduleSpec } from '../../../../../src/core';

const draft = (patch: Partial<ScheduleDraft>): ScheduleDraft => ({ ...newScheduleDraft('Europe/Warsaw'), name: 'EMEA', ...patch });
const paths = (d: ScheduleDraft) => checkScheduleDraft(d).map((p) => `${p.path} ${p.code}`);

describe('schedule drafts', () => {
  it('round-trip a schedule with split, overnight, yearly holiday and exception', () => {
    const spec: ScheduleSpec = {
      timeZone: 'Europe/Warsaw',
      week: { mon: [['09:00', '13:00'], ['14:00', '18:00']], tue: [], wed: [], thu: [], fri: [['22:00', '06:00']], sat: [], sun: [] },
      holidays: ['2026-12-25', '01-01'],
      exceptions: { '2026-12-24': [['09:00', '12:00']] },
    };
    expect(specOf(scheduleDraftOf('s1', 'EMEA', spec))).toEqual(spec);
  });

  it('accept the default Monday–Friday 09:00–17:00 once it has a name', () => {
    expect(paths(draft({}))).toEqual([]);
    expect(paths(draft({ name: '  ' }))).toEqual(['name required']);
  });

  it('name each problem by the row the admin sees, exceptions by their row rather than their date', () => {
    const d = draft({
      timeZone: 'Mars/Olympus',
      holidays: ['2026-02-30'],
      exceptions: [
        { date: '2026-12-24', hours: [['09:00', '12:00']] },
        { date: '2026-12-31', hours: [['10:00', '24:30']] },
        { date: '2026-12-24', hours: [] },
      ],
    });
    expect(paths(d)).toEqual(
      expect.arrayContaining(['timeZone unknown_time_zone', 'holidays[0] invalid_date', 'exceptions[1][0][1] invalid_time', 'exceptions[2] duplicate_date']),
    );
  });

  it('refuse a schedule that is never open', () => {
    const closed = Object.fromEntries(Object.keys(newScheduleDraft('UTC').week).map((day) => [day, []])) as unknown as ScheduleDraft['week'];
    expect(paths(draft({ timeZone: 'UTC', week: closed }))).toEqual(['week no_open_time']);
  });
});
