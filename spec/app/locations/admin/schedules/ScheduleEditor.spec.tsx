import ScheduleEditor from '../../../../../src/app/locations/admin/schedules/ScheduleEditor';
import { checkScheduleDraft } from '../../../../../src/app/locations/admin/schedules/SchedulesTab';
import { newScheduleDraft, type ScheduleDraft } from '../../../../../src/app/locations/admin/schedules/schedule-draft';
import { renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

const render = (draft: ScheduleDraft) =>
  renderMarkup(<ScheduleEditor draft={draft} problems={checkScheduleDraft(draft)} busy={false} t={tIn('en')} onChange={() => undefined} onSave={() => undefined} onCancel={() => undefined} />);

/** The text of the message shown for `path` (Garden puts an icon before it). */
const messageAt = (html: string, path: string) => {
  const match = new RegExp(`data-problem-path="${path.replace(/[[\]]/g, '\\$&')}"[^>]*>(.*?)</div>`).exec(html);
  return match ? textOf(match[1] as string) : null;
};

const closedWeek = Object.fromEntries(Object.keys(newScheduleDraft('UTC').week).map((day) => [day, []])) as unknown as ScheduleDraft['week'];

describe('ScheduleEditor', () => {
  it('shows each problem the core finds beside its field: name, holiday, exception date and exception hours', () => {
    const html = render({
      ...newScheduleDraft('Europe/Warsaw'),
      name: '',
      holidays: ['2026-12-25', '12-32'],
      exceptions: [{ date: '2026-12-24', hours: [['09:00', '12:00'], ['11:00', '13:00']] }, { date: '24.12.2026', hours: [] }],
    });
    expect(messageAt(html, 'name')).toBe('This field is required.');
    expect(messageAt(html, 'holidays[1]')).toBe('Enter a date as YYYY-MM-DD, or MM-DD for every year.');
    expect(messageAt(html, 'holidays[0]')).toBeNull();
    const first = sectionOf(html, 'data-exception-row', '0');
    expect(textOf(first)).toContain('These hours overlap other hours of the same day.');
    expect(first).toContain('data-problem-path="exceptions[0][1]"');
    expect(sectionOf(html, 'data-exception-row', '1')).toContain('data-problem-path="exceptions[1]"');
  });

  it('lists a problem of the whole schedule (never open) above the form', () => {
    const html = render({ ...newScheduleDraft('UTC'), name: 'Closed', week: closedWeek });
    expect(textOf(html)).toContain('Please fix these problems before saving: The schedule is never open: give at least one day some hours.');
  });

  it('marks a yearly holiday as every year, and only that one', () => {
    const count = (holidays: string[]) => textOf(render({ ...newScheduleDraft('UTC'), name: 'x', holidays })).match(/every year/g)?.length ?? 0;
    expect(count(['12-25', '2026-01-01']) - count(['2026-01-01'])).toBe(1);
  });
});
