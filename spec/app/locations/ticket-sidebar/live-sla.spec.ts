import { assessTicket, createSchedule, snapshotAt } from '../../../../src/core';
import { assessAt, compileInputs, previewAt } from '../../../../src/app/locations/ticket-sidebar/live-sla';
import { created, liveInputs, monday, slaInputs } from './sla-fixture';

describe('the sidebar’s live assessment', () => {
  it('is the core’s assessment of the history replayed to now, as the server makes it', () => {
    const raw = slaInputs();
    const now = monday('10:00');
    const expected = assessTicket({
      ticket: snapshotAt(raw.history, now),
      history: raw.history,
      policies: raw.policies,
      schedules: { office: createSchedule(raw.schedules.office) },
      now,
    });
    expect(JSON.parse(JSON.stringify(assessAt(compileInputs(raw), now)))).toEqual(JSON.parse(JSON.stringify(expected)));
  });

  it('moves with now: a second later, a second less remains', () => {
    const inputs = liveInputs();
    const at = (now: number) => assessAt(inputs, now).metrics.first_reply_time.state;
    const [before, after] = [at(monday('10:00')), at(monday('10:00') + 1000)];
    if (before.kind !== 'active' || after.kind !== 'active') throw new Error('expected running clocks');
    expect(before.remainingBusinessMinutes - after.remainingBusinessMinutes).toBeCloseTo(1 / 60, 9);
  });

  it('leaves out a schedule it cannot compile, so its targets say missing_schedule rather than failing', () => {
    const raw = slaInputs();
    const inputs = compileInputs({ ...raw, schedules: { office: { timeZone: 'Mars/Olympus_Mons' } } });
    expect(assessAt(inputs, monday('10:00')).metrics.first_reply_time.state).toMatchObject({ kind: 'not_applicable', reason: 'missing_schedule' });
  });

  it('previews only a patch that changes something the history would record', () => {
    const inputs = liveInputs([created({ priority: 'high' })]);
    expect(previewAt(inputs, monday('10:00'), {})).toBeNull();
    expect(previewAt(inputs, monday('10:00'), { priority: 'high' })).toBeNull();
    expect(previewAt(inputs, monday('10:00'), { priority: 'urgent' })).toMatchObject({ kind: 'preview', policy: { kind: 'selected', policy: { id: 'urgent' } } });
  });
});
