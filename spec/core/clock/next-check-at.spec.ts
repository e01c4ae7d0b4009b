import { nextCheckAt } from '../../../src/core/clock';
import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { created, endUserComment, iso, statusChange, target } from './history-builder';

const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;
const policy = aPolicy({ targets: [target('first_reply_time', 60, { warnMinutesBefore: 15 })] });
const history = [created(C), endUserComment(C)];

describe('nextCheckAt', () => {
  it.each([
    { now: t('09:30'), kind: 'active', next: t('09:45') },
    { now: t('09:44'), kind: 'active', next: t('09:45') },
    { now: t('09:45'), kind: 'due_soon', next: t('10:00') },
    { now: t('10:00'), kind: 'breached', next: null },
  ])('at $now the first reply is $kind and the next check is $next', ({ now, kind, next }) => {
    const assessment = assess({ history, now, policies: [policy] });
    expect(assessment.metrics.first_reply_time.state.kind).toBe(kind);
    expect(iso(assessment.nextCheckAt)).toBe(next);
    expect(nextCheckAt(assessment)).toBe(assessment.nextCheckAt);
  });

  it('is the earliest of every running clock', () => {
    const two = aPolicy({ targets: [target('first_reply_time', 60), target('agent_work_time', 30)] });
    expect(iso(assess({ history, now: t('09:10'), policies: [two] }).nextCheckAt)).toBe(t('09:30'));
  });

  it('is null when every clock is paused, done or not applicable', () => {
    const awt = aPolicy({ targets: [target('agent_work_time', 30)] });
    const pending = [created(C, { status: 'open' }), statusChange(t('09:10'), 'open', 'pending')];
    expect(assess({ history: pending, now: t('09:20'), policies: [awt] }).nextCheckAt).toBeNull();
    expect(assess({ history, now: t('09:20'), policies: [] }).nextCheckAt).toBeNull();
  });
});
