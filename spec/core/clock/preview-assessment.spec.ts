import { eventsForChanges, previewAssessment, snapshotAt } from '../../../src/core/clock';
import type { AssessTicketInput } from '../../../src/core/clock';
import { aPolicy } from '../../support/a-policy';
import { assess } from './assess-fixture';
import { at, created, endUserComment, iso, statusChange, target } from './history-builder';

const C = '2026-03-02T09:00:00+01:00';
const t = (hhmm: string): string => `2026-03-02T${hhmm}:00+01:00`;
const policy = aPolicy({
  targets: [
    target('requester_wait_time', 240, { priority: 'normal' }),
    target('requester_wait_time', 60, { priority: 'urgent' }),
  ],
});
const history = [created(C, { status: 'open', priority: 'normal' }), endUserComment(C)];
const input: AssessTicketInput = { ticket: snapshotAt(history, at(t('09:30'))), history, policies: [policy], schedules: {}, now: t('09:30') };

describe('previewAssessment', () => {
  it('shows the due time a priority change would give, marked as a preview', () => {
    const preview = previewAssessment(input, { priority: 'urgent' });
    expect(preview.kind).toBe('preview');
    expect(preview.patch).toEqual({ priority: 'urgent' });
    expect(preview.syntheticEvents).toEqual([{ type: 'priority_changed', at: at(t('09:30')), from: 'normal', to: 'urgent' }]);
    expect(iso((preview.metrics.requester_wait_time.state as { dueAt: number }).dueAt)).toBe(t('10:00'));
    expect(preview.timeline.at(-1)).toMatchObject({ kind: 'priority_changed', from: 'normal', to: 'urgent' });
  });

  it('shows a clock that pending would pause', () => {
    expect(previewAssessment(input, { status: 'pending' }).metrics.requester_wait_time.state).toMatchObject({ kind: 'paused', reason: 'pending' });
  });

  it('with an empty patch equals the assessment itself', () => {
    const { kind, patch, syntheticEvents, ...rest } = previewAssessment(input, {});
    expect([kind, patch, syntheticEvents]).toEqual(['preview', {}, []]);
    const { kind: _assessmentKind, ...assessment } = assess({ history, now: t('09:30'), policies: [policy] });
    expect(rest).toEqual(assessment);
  });
});

describe('eventsForChanges', () => {
  it('lists one event per changed field, tag and custom field', () => {
    const before = snapshotAt([created(C, { tags: ['a', 'b'], customFields: { '7': 'x' } })], at(C));
    const after = { ...before, status: 'open' as const, groupId: 'g2', tags: ['b', 'c'], customFields: { '7': 'y', '8': true } };
    expect(eventsForChanges(before, after, 5).map((e) => e.type)).toEqual([
      'status_changed',
      'field_changed',
      'custom_field_changed',
      'custom_field_changed',
      'tags_changed',
    ]);
  });
});

describe('snapshotAt (used by previews and backtests)', () => {
  it('replays the created ticket through its changes up to an instant', () => {
    const h = [created(C, { status: 'new' }), statusChange(t('09:10'), 'new', 'open'), statusChange(t('09:20'), 'open', 'pending')];
    expect(snapshotAt(h, at(t('09:15'))).status).toBe('open');
    expect(snapshotAt(h, at(t('09:20'))).status).toBe('pending');
  });
});
