import TargetGrid from '../../../../../src/app/locations/admin/policies/TargetGrid';
import type { TargetCell, TargetKey } from '../../../../../src/app/locations/admin/policies/policy-draft';
import { inputValues, renderMarkup, sectionOf, selectedOptions, textOf, tIn } from '../render-markup';

const schedules = [
  { id: 'sch-emea', name: 'EMEA' },
  { id: 'sch-us', name: 'US' },
];

const render = (targets: Partial<Record<TargetKey, TargetCell>>, problems: { path: string; code: string; message: string }[] = [], locale: 'en' | 'pl' = 'en') =>
  renderMarkup(<TargetGrid targets={targets} schedules={schedules} problems={problems} t={tIn(locale)} onChange={() => undefined} />);

describe('TargetGrid', () => {
  it('has a row per metric and a column per priority, “any priority” last', () => {
    const html = render({});
    expect(textOf(html)).toMatch(/^Metric Low Normal High Urgent Any priority First reply time/);
    expect(html.match(/data-target-cell=/g)).toHaveLength(6 * 5);
  });

  it('shows a filled cell’s minutes, its clock (a schedule’s business hours) and its warning', () => {
    const html = render({ 'first_reply_time/urgent': { minutes: '60', clock: 'business:sch-us', warn: '15' } });
    const cell = sectionOf(html, 'data-target-cell', 'first_reply_time/urgent');
    expect(inputValues(cell)).toEqual(['60', '15']);
    expect(selectedOptions(cell)).toEqual(['Business hours: US']);
    expect(textOf(cell)).toContain('Calendar hours Business hours: EMEA Business hours: US');
    expect(textOf(cell)).not.toContain('(no schedule)');
  });

  it('shows only the minutes field in an empty cell', () => {
    const cell = sectionOf(render({}), 'data-target-cell', 'next_reply_time/low');
    expect(inputValues(cell)).toEqual(['']);
    expect(cell).not.toContain('<select');
  });

  it('shows each problem in the cell and beside the field it concerns', () => {
    const html = render(
      {
        'first_reply_time/high': { minutes: '30', clock: 'calendar', warn: '45' },
        'first_reply_time/normal': { minutes: 'abc', clock: 'calendar', warn: '' },
      },
      [
        { path: 'targets.first_reply_time/high.warnMinutesBefore', code: 'warning_too_early', message: 'the warning must come before the due time' },
        { path: 'targets.first_reply_time/normal.targetMinutes', code: 'invalid_type', message: 'expected number, received NaN' },
      ],
    );
    const high = sectionOf(html, 'data-target-cell', 'first_reply_time/high');
    expect(textOf(high)).toContain('The warning must come before the due time: use fewer minutes than the target.');
    expect(high).toMatch(/data-problem-path="targets.first_reply_time\/high.warnMinutesBefore"/);
    expect(textOf(sectionOf(html, 'data-target-cell', 'first_reply_time/normal'))).toContain('Enter a number of minutes.');
    expect(sectionOf(html, 'data-target-cell', 'first_reply_time/urgent')).not.toContain('data-problem-path');
  });

  it('names each field for screen readers by metric and priority, in Polish', () => {
    expect(render({}, [], 'pl')).toContain('Czas pierwszej odpowiedzi, Pilny: cel w minutach');
  });
});
