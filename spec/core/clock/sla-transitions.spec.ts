import { compareAssessments, type SlaTransition } from '../../../src/core/clock';
import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { agentComment, created, endUserComment, iso, priorityChange, target } from './history-builder';

const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;
const policy = aPolicy({
  targets: [target('first_reply_time', 60, { warnMinutesBefore: 15 }), target('first_reply_time', 20, { priority: 'urgent' })],
});
const waiting = [created(C), endUserComment(C)];
const at = (history: typeof waiting, now: string) => assess({ history, now, policies: [policy] });
const brief = (transitions: SlaTransition[]) => transitions.map((x) => [x.kind, x.metric, x.instance, iso(x.at)]);

describe('compareAssessments', () => {
  it('reports every measured instance as started on the first assessment (metrics without a target are not)', () => {
    expect(brief(compareAssessments(null, at(waiting, t('09:10'))))).toEqual([['started', 'first_reply_time', 1, C]]);
  });

  it('reports each new instance of a re-arming metric once', () => {
    const updates = aPolicy({ targets: [target('periodic_update_time', 60)] });
    const history = [...waiting, agentComment(t('09:10')), agentComment(t('09:20'))];
    const first = assess({ history: history.slice(0, 3), now: t('09:15'), policies: [updates] });
    const second = assess({ history, now: t('09:25'), policies: [updates] });
    expect(brief(compareAssessments(first, second))).toEqual([
      ['met', 'periodic_update_time', 1, t('09:20')],
      ['started', 'periodic_update_time', 2, t('09:20')],
    ]);
    expect(compareAssessments(second, second)).toEqual([]);
  });

  it.each([
    { name: 'nothing for the same assessment twice', history: waiting, before: t('09:10'), after: t('09:10'), expected: [] },
    { name: 'nothing while a clock stays on track', history: waiting, before: t('09:10'), after: t('09:40'), expected: [] },
    { name: 'due_soon when entering the warning window', history: waiting, before: t('09:40'), after: t('09:50'), expected: [['due_soon', 'first_reply_time', 1, t('09:45')]] },
    { name: 'breached once, at the due time', history: waiting, before: t('09:50'), after: t('10:05'), expected: [['breached', 'first_reply_time', 1, t('10:00')]] },
    { name: 'no second breach on a later look', history: waiting, before: t('10:05'), after: t('10:30'), expected: [] },
    {
      name: 'met when replied on time',
      history: [...waiting, agentComment(t('09:30'))],
      before: t('09:20'),
      after: t('09:35'),
      expected: [['met', 'first_reply_time', 1, t('09:30')]],
    },
    {
      name: 'met_late alone when the breach was already seen',
      history: [...waiting, agentComment(t('10:30'))],
      before: t('10:10'),
      after: t('10:40'),
      expected: [['met_late', 'first_reply_time', 1, t('10:30')]],
    },
    {
      name: 'breached and met_late when both happened between two looks',
      history: [...waiting, agentComment(t('10:30'))],
      before: t('09:30'),
      after: t('10:40'),
      expected: [
        ['breached', 'first_reply_time', 1, t('10:00')],
        ['met_late', 'first_reply_time', 1, t('10:30')],
      ],
    },
  ])('$name', ({ history, before, after, expected }) => {
    expect(brief(compareAssessments(at(history, before), at(history, after)))).toEqual(expected);
  });

  it('reports a recalculation when the target changes, then the breach it causes', () => {
    const escalated = [...waiting, priorityChange(t('09:30'), 'normal', 'urgent')];
    const transitions = compareAssessments(at(waiting, t('09:25')), at(escalated, t('09:35')));
    expect(transitions.map((x) => x.kind)).toEqual(['recalculated', 'breached']);
    expect(transitions[0]).toMatchObject({ from: { target: { targetMinutes: 60 } }, to: { target: { targetMinutes: 20 } } });
    expect(iso(transitions[1]?.at)).toBe(t('09:20'));
  });
});
