import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { agentComment, created, endUserComment, iso, priorityChange, statusChange, tagsChange, target } from './history-builder';

// Calendar targets, Warsaw winter time (+01:00), Monday 2 March 2026.
const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;

const byPriority = aPolicy({
  id: 'by-priority',
  title: 'By priority',
  targets: [
    target('requester_wait_time', 240, { priority: 'normal' }),
    target('requester_wait_time', 60, { priority: 'urgent' }),
    target('first_reply_time', 240, { priority: 'normal' }),
    target('first_reply_time', 20, { priority: 'urgent' }),
    target('next_reply_time', 240, { priority: 'normal' }),
    target('next_reply_time', 30, { priority: 'urgent' }),
  ],
});

// Open 09:00, pending 09:15–09:45, urgent from 10:00: 15 + 15 = 30 minutes counted at the change.
const escalated = [
  created(C, { status: 'open', priority: 'normal' }),
  endUserComment(C),
  statusChange(t('09:15'), 'open', 'pending'),
  statusChange(t('09:45'), 'pending', 'open'),
  priorityChange(t('10:00'), 'normal', 'urgent'),
];

describe('timeline and recalculation', () => {
  it('recalculates a running clock from its original start when the priority changes; paused time stays paused', () => {
    const assessment = assess({ history: escalated, now: t('10:05'), policies: [byPriority] });
    // Urgent is due when 60 minutes are counted: 09:00–09:15, then 09:45–10:30.
    expect(assessment.metrics.requester_wait_time.state).toMatchObject({ kind: 'active', elapsedBusinessMinutes: 35 });
    expect(iso((assessment.metrics.requester_wait_time.state as { dueAt: number }).dueAt)).toBe(t('10:30'));
    const change = assessment.timeline.find((e) => e.kind === 'priority_changed');
    expect(change).toMatchObject({ kind: 'priority_changed', from: 'normal', to: 'urgent' });
    const recalculation = change && 'recalculations' in change ? change.recalculations.find((r) => r.metric === 'requester_wait_time') : undefined;
    expect({
      recalculatedFrom: iso(recalculation?.recalculatedFrom),
      dueBefore: iso(recalculation?.dueBefore),
      dueAfter: iso(recalculation?.dueAfter),
    }).toEqual({ recalculatedFrom: C, dueBefore: t('13:30'), dueAfter: t('10:30') });
  });

  it('breaches at once, at the recalculated due time, when the new target is already exceeded', () => {
    const state = assess({ history: escalated, now: t('10:05'), policies: [byPriority] }).metrics.first_reply_time.state;
    expect(state.kind).toBe('breached');
    expect(iso((state as { breachedAt: number }).breachedAt)).toBe(t('09:20'));
  });

  it('keeps the target a fulfilled instance had when it was fulfilled', () => {
    const history = [created(C, { priority: 'normal' }), endUserComment(C), agentComment(t('09:30')), priorityChange(t('10:00'), 'normal', 'urgent'), endUserComment(t('10:10'))];
    const assessment = assess({ history, now: t('10:20'), policies: [byPriority] });
    expect(assessment.metrics.first_reply_time.state).toMatchObject({ kind: 'met', target: { priority: 'normal', targetMinutes: 240 } });
    expect(assessment.metrics.next_reply_time.state).toMatchObject({ kind: 'active', target: { priority: 'urgent', targetMinutes: 30 } });
  });

  it('recalculates when the nearest policy changes, and says so', () => {
    const vip = aPolicy({
      id: 'vip',
      title: 'VIP',
      position: 1,
      filter: { all: [{ field: 'tags', operator: 'includes', value: ['vip'] }], any: [] },
      targets: [target('first_reply_time', 30)],
    });
    const standard = aPolicy({ id: 'standard', title: 'Standard', position: 2, targets: [target('first_reply_time', 120)] });
    const history = [created(C), endUserComment(C), tagsChange(t('09:20'), ['vip'])];
    const before = assess({ history, now: t('09:25'), policies: [vip, standard] });
    expect(before.metrics.first_reply_time.state).toMatchObject({ kind: 'active', policy: { id: 'vip' } });
    const change = before.timeline.find((e) => e.kind === 'policy_changed');
    expect(change).toMatchObject({ from: { id: 'standard', title: 'Standard' }, to: { id: 'vip', title: 'VIP' } });
    const recalculation = change && 'recalculations' in change ? change.recalculations[0] : undefined;
    expect([iso(recalculation?.dueBefore), iso(recalculation?.dueAfter)]).toEqual([t('11:00'), t('09:30')]);
    expect(assess({ history, now: t('09:40'), policies: [vip, standard] }).metrics.first_reply_time.state.kind).toBe('breached');
  });

  it('records pauses, resumptions and reopens per metric, in order', () => {
    const history = [
      created(C, { status: 'open' }),
      statusChange(t('09:15'), 'open', 'hold'),
      statusChange(t('09:30'), 'hold', 'open'),
      statusChange(t('10:00'), 'open', 'solved'),
      statusChange(t('11:00'), 'solved', 'open'),
    ];
    const timeline = assess({ history, now: t('11:30'), policies: [byPriority] }).timeline;
    expect(timeline.map((e) => [e.kind, iso(e.at), 'metric' in e ? e.metric : null, 'reason' in e ? e.reason : null])).toEqual([
      ['paused', t('09:15'), 'agent_work_time', 'hold'],
      ['resumed', t('09:30'), 'agent_work_time', null],
      ['reopened', t('11:00'), 'requester_wait_time', null],
      ['reopened', t('11:00'), 'agent_work_time', null],
      ['reopened', t('11:00'), 'total_resolution_time', null],
    ]);
  });
});
