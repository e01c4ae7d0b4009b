import { createSchedule } from '../../../src/core/schedule';
import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { agentComment, created, endUserComment, iso, statusChange, target } from './history-builder';

// Mon–Fri 09:00–17:00 Europe/Warsaw; Easter Monday 2026-04-06 is a holiday. DST starts Sunday 2026-03-29.
const warsaw = createSchedule({
  timeZone: 'Europe/Warsaw',
  week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [['09:00', '17:00']], thu: [['09:00', '17:00']], fri: [['09:00', '17:00']] },
  holidays: ['2026-04-06'],
});
const schedules = { warsaw };
const business = (metric: Parameters<typeof target>[0], minutes: number, warnMinutesBefore?: number) =>
  target(metric, minutes, { hours: 'business', scheduleId: 'warsaw', warnMinutesBefore });

describe('assessInstance on business hours (Europe/Warsaw, Mon–Fri 09:00–17:00)', () => {
  const frt120 = aPolicy({ targets: [business('first_reply_time', 120)] });

  it.each([
    {
      name: 'counts only open time, across the spring-forward weekend (2026-03-29)',
      history: [created('2026-03-27T16:00:00+01:00'), endUserComment('2026-03-27T16:00:00+01:00')],
      now: '2026-03-30T09:30:00+02:00',
      expected: { kind: 'active', dueAt: '2026-03-30T10:00:00+02:00', elapsedBusinessMinutes: 90, elapsedCalendarMinutes: 3870 },
    },
    {
      name: 'is met by a reply one minute before the business due time',
      history: [created('2026-03-27T16:00:00+01:00'), endUserComment('2026-03-27T16:00:00+01:00'), agentComment('2026-03-30T09:59:00+02:00')],
      now: '2026-03-30T12:00:00+02:00',
      expected: { kind: 'met', dueAt: '2026-03-30T10:00:00+02:00', elapsedBusinessMinutes: 119 },
    },
    {
      name: 'is met late by a reply at the business due time',
      history: [created('2026-03-27T16:00:00+01:00'), endUserComment('2026-03-27T16:00:00+01:00'), agentComment('2026-03-30T10:00:00+02:00')],
      now: '2026-03-30T12:00:00+02:00',
      expected: { kind: 'met_late', dueAt: '2026-03-30T10:00:00+02:00', breachedAt: '2026-03-30T10:00:00+02:00' },
    },
    {
      name: 'skips a holiday (Easter Monday 2026-04-06)',
      history: [created('2026-04-03T16:30:00+02:00'), endUserComment('2026-04-03T16:30:00+02:00')],
      now: '2026-04-06T12:00:00+02:00',
      expected: { kind: 'active', dueAt: '2026-04-07T10:30:00+02:00', elapsedBusinessMinutes: 30 },
    },
    {
      name: 'does not count the closed night and weekend while breached',
      history: [created('2026-03-06T15:00:00+01:00'), endUserComment('2026-03-06T15:00:00+01:00')],
      now: '2026-03-07T12:00:00+01:00',
      expected: { kind: 'breached', dueAt: '2026-03-06T17:00:00+01:00', elapsedBusinessMinutes: 120, remainingBusinessMinutes: 0 },
    },
  ])('$name', ({ history, now, expected }) => {
    const state = assess({ history, now, policies: [frt120], schedules }).metrics.first_reply_time.state;
    const shown = { ...state } as Record<string, unknown>;
    for (const key of ['dueAt', 'breachedAt', 'fulfilledAt']) if (typeof shown[key] === 'number') shown[key] = iso(shown[key] as number, expected.dueAt?.slice(-6));
    expect(shown).toMatchObject(expected);
  });

  it('compares with a calendar target on the same ticket', () => {
    const calendar = aPolicy({ targets: [target('first_reply_time', 120)] });
    const history = [created('2026-03-27T16:00:00+01:00'), endUserComment('2026-03-27T16:00:00+01:00')];
    const state = assess({ history, now: '2026-03-27T17:30:00+01:00', policies: [calendar], schedules }).metrics.first_reply_time.state;
    expect(iso((state as { dueAt: number }).dueAt)).toBe('2026-03-27T18:00:00+01:00');
  });

  it('skips paused time on the business clock: requester wait time pending overnight', () => {
    const rwt = aPolicy({ targets: [business('requester_wait_time', 480)] });
    const history = [
      created('2026-03-02T09:00:00+01:00', { status: 'open' }),
      statusChange('2026-03-02T12:00:00+01:00', 'open', 'pending'),
      statusChange('2026-03-03T10:00:00+01:00', 'pending', 'open'),
    ];
    const state = assess({ history, now: '2026-03-03T11:00:00+01:00', policies: [rwt], schedules }).metrics.requester_wait_time.state;
    expect(state).toMatchObject({ kind: 'active', elapsedBusinessMinutes: 240 });
    expect(iso((state as { dueAt: number }).dueAt)).toBe('2026-03-03T15:00:00+01:00');
  });

  describe('the warning window counts business minutes', () => {
    // Due Monday 09:10 (20 minutes on Friday, 10 on Monday); 15 business minutes before is Friday 16:55.
    const policy = aPolicy({ targets: [business('first_reply_time', 30, 15)] });
    const history = [created('2026-03-06T16:40:00+01:00'), endUserComment('2026-03-06T16:40:00+01:00')];

    it.each([
      { now: '2026-03-06T16:54:59+01:00', kind: 'active', next: '2026-03-06T16:55:00+01:00' },
      { now: '2026-03-06T16:55:00+01:00', kind: 'due_soon', next: '2026-03-09T09:10:00+01:00' },
      { now: '2026-03-07T12:00:00+01:00', kind: 'due_soon', next: '2026-03-09T09:10:00+01:00' },
      { now: '2026-03-09T09:10:00+01:00', kind: 'breached', next: null },
    ])('at $now it is $kind, next check $next', ({ now, kind, next }) => {
      const assessment = assess({ history, now, policies: [policy], schedules });
      const state = assessment.metrics.first_reply_time.state;
      expect(state.kind).toBe(kind);
      expect(iso((state as { dueAt: number }).dueAt)).toBe('2026-03-09T09:10:00+01:00');
      expect(iso(assessment.nextCheckAt)).toBe(next);
    });
  });
});
