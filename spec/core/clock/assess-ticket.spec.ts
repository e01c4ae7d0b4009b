import { assessTicket } from '../../../src/core/clock';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';
import { assess, stateOf, type AssessCase } from './assess-fixture';
import { agentComment, created, endUserComment, iso, statusChange, target } from './history-builder';

// Calendar targets, Warsaw winter time (+01:00), Monday 2 March 2026. Business hours are in target-hours specs.
const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;

const everyMetric = aPolicy({
  id: 'standard',
  title: 'Standard',
  targets: [
    target('first_reply_time', 60),
    target('next_reply_time', 60),
    target('periodic_update_time', 60),
    target('requester_wait_time', 120),
    target('agent_work_time', 120),
    target('total_resolution_time', 480),
  ],
});

function summary(c: AssessCase, metric: Parameters<typeof stateOf>[1]) {
  const s = stateOf(c, metric);
  return {
    kind: s.kind,
    dueAt: 'dueAt' in s ? iso(s.dueAt) : undefined,
    fulfilledAt: 'fulfilledAt' in s ? iso(s.fulfilledAt) : undefined,
    breachedAt: 'breachedAt' in s ? iso(s.breachedAt) : undefined,
    elapsed: 'elapsedBusinessMinutes' in s ? s.elapsedBusinessMinutes : undefined,
  };
}

describe('assessTicket: first reply time', () => {
  it.each([
    {
      name: 'runs from creation',
      history: [created(C), endUserComment(C)],
      now: t('09:30'),
      expected: { kind: 'active', dueAt: t('10:00'), elapsed: 30 },
    },
    {
      name: 'is met by the first public agent comment',
      history: [created(C), endUserComment(C), agentComment(t('09:40'))],
      now: t('11:00'),
      expected: { kind: 'met', dueAt: t('10:00'), fulfilledAt: t('09:40'), elapsed: 40 },
    },
    {
      name: 'ignores a private agent comment',
      history: [created(C), endUserComment(C), agentComment(t('09:20'), false)],
      now: t('09:30'),
      expected: { kind: 'active', dueAt: t('10:00'), elapsed: 30 },
    },
    {
      name: 'is breached from the due instant itself (half-open)',
      history: [created(C), endUserComment(C)],
      now: t('10:00'),
      expected: { kind: 'breached', dueAt: t('10:00'), breachedAt: t('10:00'), elapsed: 60 },
    },
    {
      name: 'is met late by a reply after the due time',
      history: [created(C), endUserComment(C), agentComment(t('10:30'))],
      now: t('11:00'),
      expected: { kind: 'met_late', dueAt: t('10:00'), breachedAt: t('10:00'), fulfilledAt: t('10:30'), elapsed: 90 },
    },
    {
      name: 'is met late by a reply exactly at the due time',
      history: [created(C), endUserComment(C), agentComment(t('10:00'))],
      now: t('11:00'),
      expected: { kind: 'met_late', dueAt: t('10:00'), breachedAt: t('10:00'), fulfilledAt: t('10:00'), elapsed: 60 },
    },
    {
      name: 'is met when the ticket is solved without a reply',
      history: [created(C), endUserComment(C), statusChange(t('09:20'), 'new', 'solved')],
      now: t('11:00'),
      expected: { kind: 'met', dueAt: t('10:00'), fulfilledAt: t('09:20'), elapsed: 20 },
    },
    {
      name: 'does not pause in pending',
      history: [created(C), endUserComment(C), statusChange(t('09:10'), 'new', 'pending')],
      now: t('09:30'),
      expected: { kind: 'active', dueAt: t('10:00'), elapsed: 30 },
    },
    {
      name: 'has not started on an outbound ticket (agent created it with a public comment)',
      history: [created(C), agentComment(C)],
      now: t('11:00'),
      expected: { kind: 'not_started' },
    },
    {
      name: 'starts on an outbound ticket at the first public end-user comment',
      history: [created(C), agentComment(C), endUserComment(t('11:00')), agentComment(t('11:30'))],
      now: t('12:00'),
      expected: { kind: 'met', dueAt: t('12:00'), fulfilledAt: t('11:30'), elapsed: 30 },
    },
  ])('$name', ({ history, now, expected }) => {
    expect(summary({ history, now, policies: [everyMetric] }, 'first_reply_time')).toMatchObject(expected);
  });

  it('says how it was fulfilled', () => {
    const byReply = stateOf({ history: [created(C), agentComment(t('09:10'))], now: t('09:30'), policies: [everyMetric] }, 'first_reply_time');
    const bySolve = stateOf({ history: [created(C), statusChange(t('09:10'), 'new', 'solved')], now: t('09:30'), policies: [everyMetric] }, 'first_reply_time');
    expect(byReply).toMatchObject({ kind: 'met', fulfilledBy: 'reply' });
    expect(bySolve).toMatchObject({ kind: 'met', fulfilledBy: 'solved' });
  });
});

describe('assessTicket: next reply time', () => {
  const base = [created(C), endUserComment(C), agentComment(t('09:10'))];

  it.each([
    { name: 'does not start before the first reply', history: [created(C), endUserComment(C), endUserComment(t('09:05'))], now: t('09:30'), instances: [] },
    {
      name: 'starts at the oldest unanswered end-user comment and is met by the next agent reply',
      history: [...base, endUserComment(t('10:00')), endUserComment(t('10:20')), agentComment(t('10:50'))],
      now: t('11:00'),
      instances: [{ instance: 1, startedAt: t('10:00'), kind: 'met', dueAt: t('11:00'), fulfilledAt: t('10:50') }],
    },
    {
      name: 're-arms for the next end-user comment (each cycle is an instance)',
      history: [...base, endUserComment(t('10:00')), agentComment(t('11:10')), endUserComment(t('11:20'))],
      now: t('11:30'),
      instances: [
        { instance: 1, startedAt: t('10:00'), kind: 'met_late', dueAt: t('11:00'), fulfilledAt: t('11:10') },
        { instance: 2, startedAt: t('11:20'), kind: 'active', dueAt: t('12:20'), fulfilledAt: null },
      ],
    },
    {
      name: 'is met when the ticket is solved without a reply',
      history: [...base, endUserComment(t('10:00')), statusChange(t('10:15'), 'open', 'solved')],
      now: t('11:30'),
      instances: [{ instance: 1, startedAt: t('10:00'), kind: 'met', dueAt: t('11:00'), fulfilledAt: t('10:15') }],
    },
    {
      name: 'starts again when an end-user comment reopens a solved ticket',
      history: [...base, statusChange(t('09:20'), 'open', 'solved'), endUserComment(t('12:00')), statusChange(t('12:00'), 'solved', 'open')],
      now: t('12:30'),
      instances: [{ instance: 1, startedAt: t('12:00'), kind: 'active', dueAt: t('13:00'), fulfilledAt: null }],
    },
  ])('$name', ({ history, now, instances }) => {
    const metric = assess({ history, now, policies: [everyMetric] }).metrics.next_reply_time;
    expect(
      metric.instances.map((i) => ({
        instance: i.instance,
        startedAt: iso(i.startedAt),
        kind: i.state.kind,
        dueAt: 'dueAt' in i.state ? iso(i.state.dueAt) : undefined,
        fulfilledAt: 'fulfilledAt' in i.state ? iso(i.state.fulfilledAt) : null,
      })),
    ).toEqual(instances);
    expect(metric.current).toBe(metric.instances.at(-1) ?? null);
  });
});

describe('assessTicket: periodic update time', () => {
  it.each([
    {
      name: 'starts at the first public agent comment; each one fulfils the instance and starts the next',
      history: [created(C), endUserComment(C), agentComment(t('09:10')), agentComment(t('09:40')), agentComment(t('11:00'))],
      now: t('11:30'),
      instances: [
        { instance: 1, startedAt: t('09:10'), kind: 'met', fulfilledAt: t('09:40') },
        { instance: 2, startedAt: t('09:40'), kind: 'met_late', fulfilledAt: t('11:00') },
        { instance: 3, startedAt: t('11:00'), kind: 'active', fulfilledAt: null },
      ],
    },
    {
      name: 'ends with the solve, and a reply after a reopen starts the next instance',
      history: [
        created(C),
        endUserComment(C),
        agentComment(t('09:10')),
        statusChange(t('09:30'), 'open', 'solved'),
        statusChange(t('10:00'), 'solved', 'open'),
        agentComment(t('10:20')),
      ],
      now: t('10:30'),
      instances: [
        { instance: 1, startedAt: t('09:10'), kind: 'met', fulfilledAt: t('09:30') },
        { instance: 2, startedAt: t('10:20'), kind: 'active', fulfilledAt: null },
      ],
    },
    {
      name: 'a reply saved with "solved" fulfils the instance and starts none',
      history: [created(C), endUserComment(C), agentComment(t('09:10')), agentComment(t('09:50')), statusChange(t('09:50'), 'open', 'solved')],
      now: t('12:00'),
      instances: [{ instance: 1, startedAt: t('09:10'), kind: 'met', fulfilledAt: t('09:50') }],
    },
  ])('$name', ({ history, now, instances }) => {
    const metric = assess({ history, now, policies: [everyMetric] }).metrics.periodic_update_time;
    expect(
      metric.instances.map((i) => ({
        instance: i.instance,
        startedAt: iso(i.startedAt),
        kind: i.state.kind,
        fulfilledAt: 'fulfilledAt' in i.state ? iso(i.state.fulfilledAt) : null,
      })),
    ).toEqual(instances);
  });
});

describe('assessTicket: status metrics', () => {
  const pendingHalfHour = [created(C, { status: 'open' }), statusChange(t('09:30'), 'open', 'pending'), statusChange(t('10:00'), 'pending', 'open')];
  const holdHalfHour = [created(C, { status: 'open' }), statusChange(t('09:30'), 'open', 'hold'), statusChange(t('10:00'), 'hold', 'open')];

  it.each([
    { name: 'requester wait time pauses in pending', metric: 'requester_wait_time', history: pendingHalfHour, now: t('09:45'), expected: { kind: 'paused', elapsed: 30 } },
    { name: 'requester wait time skips the pending half hour', metric: 'requester_wait_time', history: pendingHalfHour, now: t('10:30'), expected: { kind: 'active', dueAt: t('11:30'), elapsed: 60 } },
    { name: 'requester wait time counts on-hold', metric: 'requester_wait_time', history: holdHalfHour, now: t('10:30'), expected: { kind: 'active', dueAt: t('11:00'), elapsed: 90 } },
    { name: 'agent work time pauses in pending', metric: 'agent_work_time', history: pendingHalfHour, now: t('10:30'), expected: { kind: 'active', dueAt: t('11:30'), elapsed: 60 } },
    { name: 'agent work time pauses on-hold', metric: 'agent_work_time', history: holdHalfHour, now: t('09:45'), expected: { kind: 'paused', elapsed: 30 } },
    { name: 'agent work time skips the on-hold half hour', metric: 'agent_work_time', history: holdHalfHour, now: t('10:30'), expected: { kind: 'active', dueAt: t('11:30'), elapsed: 60 } },
    { name: 'total resolution time counts pending', metric: 'total_resolution_time', history: pendingHalfHour, now: t('10:30'), expected: { kind: 'active', dueAt: t('17:00'), elapsed: 90 } },
    {
      name: 'solved fulfils requester wait time',
      metric: 'requester_wait_time',
      history: [created(C, { status: 'open' }), statusChange(t('09:40'), 'open', 'solved')],
      now: t('12:00'),
      expected: { kind: 'met', fulfilledAt: t('09:40'), dueAt: t('11:00'), elapsed: 40 },
    },
    {
      name: 'a reopen resumes total resolution time, solved time not counted',
      metric: 'total_resolution_time',
      history: [created(C, { status: 'open' }), statusChange(t('10:00'), 'open', 'solved'), statusChange(t('12:00'), 'solved', 'open')],
      now: t('13:00'),
      expected: { kind: 'active', dueAt: t('19:00'), elapsed: 120 },
    },
    {
      name: 'the final solve fulfils a reopened clock',
      metric: 'total_resolution_time',
      history: [
        created(C, { status: 'open' }),
        statusChange(t('10:00'), 'open', 'solved'),
        statusChange(t('12:00'), 'solved', 'open'),
        statusChange(t('13:00'), 'open', 'solved'),
      ],
      now: t('15:00'),
      expected: { kind: 'met', fulfilledAt: t('13:00'), elapsed: 120 },
    },
    {
      name: 'a breached clock set to pending stays breached',
      metric: 'agent_work_time',
      history: [created(C, { status: 'open' }), statusChange(t('11:30'), 'open', 'pending')],
      now: t('12:00'),
      expected: { kind: 'breached', dueAt: t('11:00'), breachedAt: t('11:00'), elapsed: 150 },
    },
  ] as const)('$name', ({ metric, history, now, expected }) => {
    expect(summary({ history, now, policies: [everyMetric] }, metric)).toMatchObject(expected);
  });

  it('a paused clock has no due time, its remaining time and its reason', () => {
    expect(stateOf({ history: holdHalfHour, now: t('09:45'), policies: [everyMetric] }, 'agent_work_time')).toMatchObject({
      kind: 'paused',
      reason: 'hold',
      dueAt: null,
      remainingBusinessMinutes: 90,
      remainingCalendarMinutes: null,
    });
  });

  it('a breached clock that is paused says so', () => {
    const state = stateOf({ history: [created(C, { status: 'open' }), statusChange(t('11:30'), 'open', 'hold')], now: t('12:00'), policies: [everyMetric] }, 'agent_work_time');
    expect(state).toMatchObject({ kind: 'breached', pause: { reason: 'hold' } });
  });

  it('status metrics have one instance that a reopen resumes', () => {
    const history = [created(C, { status: 'open' }), statusChange(t('10:00'), 'open', 'solved'), statusChange(t('12:00'), 'solved', 'pending')];
    const metric = assess({ history, now: t('13:00'), policies: [everyMetric] }).metrics.requester_wait_time;
    expect(metric.instances).toHaveLength(1);
    expect(metric.state).toMatchObject({ kind: 'paused', reason: 'pending', elapsedBusinessMinutes: 60 });
  });
});

describe('assessTicket: not applicable', () => {
  const history = [created(C), endUserComment(C)];

  it('reports no_policy on every metric when no policy applies', () => {
    const assessment = assess({ history, now: t('09:30'), policies: [] });
    expect(assessment.policy.kind).toBe('none');
    for (const metric of Object.values(assessment.metrics)) expect(metric.state).toMatchObject({ kind: 'not_applicable', reason: 'no_policy' });
  });

  it('reports no_target for a metric the policy does not measure, and measures the others', () => {
    const only = aPolicy({ id: 'frt', title: 'First reply only', targets: [target('first_reply_time', 60)] });
    const assessment = assess({ history, now: t('09:30'), policies: [only] });
    expect(assessment.metrics.first_reply_time.state.kind).toBe('active');
    expect(assessment.metrics.agent_work_time.state).toMatchObject({ kind: 'not_applicable', reason: 'no_target', policy: { id: 'frt' } });
  });

  it('reports missing_schedule for a business target on an unknown schedule, without throwing', () => {
    const policy = aPolicy({ targets: [target('first_reply_time', 60, { hours: 'business', scheduleId: 'gone' })] });
    expect(stateOf({ history, now: t('09:30'), policies: [policy] }, 'first_reply_time')).toEqual({
      kind: 'not_applicable',
      reason: 'missing_schedule',
      policy: { id: policy.id, title: policy.title },
      scheduleId: 'gone',
    });
  });

  it('reports no_target for a target of another priority', () => {
    const urgentOnly = aPolicy({ targets: [target('first_reply_time', 60, { priority: 'urgent' })] });
    expect(stateOf({ history, now: t('09:30'), policies: [urgentOnly] }, 'first_reply_time')).toMatchObject({ kind: 'not_applicable', reason: 'no_target' });
  });
});

describe('assessTicket: history handling', () => {
  it('sorts events given out of order, stably', () => {
    const ordered = [created(C), endUserComment(C), agentComment(t('09:40')), statusChange(t('10:00'), 'open', 'pending')];
    const shuffled = [ordered[3], ordered[2], ordered[0], ordered[1]] as typeof ordered;
    const now = t('11:00');
    expect(assess({ history: shuffled, now, policies: [everyMetric] })).toEqual(assess({ history: ordered, now, policies: [everyMetric] }));
  });

  it('throws a clear error on a history without `created`', () => {
    expect(() =>
      assessTicket({ ticket: aTicket({}), history: [endUserComment(C)], policies: [everyMetric], schedules: {}, now: t('09:30') }),
    ).toThrow(/no `created` event/);
  });

  it('ignores events after `now`, so a past `now` replays the ticket as it was', () => {
    const history = [created(C), endUserComment(C), agentComment(t('09:40'))];
    expect(stateOf({ history, now: t('09:30'), policies: [everyMetric] }, 'first_reply_time').kind).toBe('active');
  });
});
