import { createSchedule } from '../../../src/core/schedule';
import { measureClock } from '../../../src/core/clock/measure-clock';
import { businessClock, CALENDAR_CLOCK } from '../../../src/core/clock/target-clock';
import { at, iso } from './history-builder';

const utcOffice = businessClock(
  createSchedule({
    timeZone: 'Etc/UTC',
    week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  }),
);
const H = 3_600_000;
const M = 60_000;

describe('measureClock', () => {
  it('counts closed spans and the running span, and projects the due time from the running span (doc example)', () => {
    const spans = [at('2026-03-02T16:00:00Z'), at('2026-03-02T16:30:00Z')];
    const m = measureClock(utcOffice, spans, 2, at('2026-03-03T09:10:00Z'), at('2026-03-03T09:40:00Z'), 2 * H);
    expect({ elapsed: m.elapsedMillis / M, calendar: m.calendarMillis / M, dueAt: iso(m.dueAt, '+00:00'), reached: m.reached }).toEqual({
      elapsed: 60,
      calendar: 60,
      dueAt: '2026-03-03T10:40:00+00:00',
      reached: false,
    });
  });

  it.each([
    { name: 'reached inside a closed span', spans: ['2026-03-02T09:00:00Z', '2026-03-02T12:00:00Z'], dueAt: '2026-03-02T11:00:00+00:00', reached: true },
    { name: 'reached exactly at the end of a closed span', spans: ['2026-03-02T09:00:00Z', '2026-03-02T11:00:00Z'], dueAt: '2026-03-02T11:00:00+00:00', reached: true },
    { name: 'not reached, nothing running', spans: ['2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'], dueAt: null, reached: false },
  ])('$name', ({ spans, dueAt, reached }) => {
    const m = measureClock(utcOffice, spans.map(at), 2, null, at('2026-03-04T00:00:00Z'), 2 * H);
    expect([iso(m.dueAt, '+00:00'), m.reached]).toEqual([dueAt, reached]);
  });

  it('counts every millisecond on the calendar clock', () => {
    const m = measureClock(CALENDAR_CLOCK, [], 0, at('2026-03-07T10:00:00Z'), at('2026-03-07T11:00:00Z'), 2 * H);
    expect([m.elapsedMillis / M, iso(m.dueAt, '+00:00')]).toEqual([60, '2026-03-07T12:00:00+00:00']);
  });

  it('measures only the first spans when asked (a due time as of an earlier instant)', () => {
    const spans = [at('2026-03-02T09:00:00Z'), at('2026-03-02T10:00:00Z'), at('2026-03-02T11:00:00Z'), at('2026-03-02T12:00:00Z')];
    expect(measureClock(utcOffice, spans, 2, null, at('2026-03-02T10:30:00Z'), 2 * H).elapsedMillis / M).toBe(60);
  });
});
