import WeeklyHoursEditor from '../../../../../src/app/locations/admin/schedules/WeeklyHoursEditor';
import { newScheduleDraft, type ScheduleDraft } from '../../../../../src/app/locations/admin/schedules/schedule-draft';
import { inputValues, renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

const week = (patch: Partial<ScheduleDraft['week']>): ScheduleDraft['week'] => ({ ...newScheduleDraft('Europe/Warsaw').week, ...patch });

const render = (w: ScheduleDraft['week'], problems: { path: string; code: string; message: string }[] = [], locale: 'en' | 'es' = 'en') =>
  renderMarkup(<WeeklyHoursEditor week={w} problems={problems} t={tIn(locale)} onChange={() => undefined} />);

describe('WeeklyHoursEditor', () => {
  it('shows Monday to Sunday, weekdays 09:00–17:00 and the weekend closed by default', () => {
    const html = render(week({}));
    expect(inputValues(sectionOf(html, 'data-day-hours', 'week.mon'))).toEqual(['09:00', '17:00']);
    expect(textOf(sectionOf(html, 'data-day-hours', 'week.sat'))).toContain('Closed');
    expect(textOf(html)).toMatch(/^Monday .* Sunday/);
  });

  it('shows a split shift as two intervals of the same day', () => {
    const html = render(week({ tue: [['09:00', '13:00'], ['14:00', '18:00']] }));
    expect(inputValues(sectionOf(html, 'data-day-hours', 'week.tue'))).toEqual(['09:00', '13:00', '14:00', '18:00']);
  });

  it('says an interval that ends at or before its start runs overnight', () => {
    const html = render(week({ fri: [['22:00', '06:00']] }));
    expect(textOf(sectionOf(html, 'data-day-hours', 'week.fri'))).toContain('overnight, ends the next day');
    expect(sectionOf(html, 'data-day-hours', 'week.mon')).not.toContain('data-overnight');
  });

  it('shows the core’s validation messages beside the day and interval they name', () => {
    const html = render(week({ wed: [['09:00', '13:00'], ['12:00', '25:00']] }), [
      { path: 'week.wed[1]', code: 'overlapping_intervals', message: 'overlaps interval 0 of the same day' },
      { path: 'week.wed[1][1]', code: 'invalid_time', message: '"25:00" is not a time of day' },
    ]);
    const wed = textOf(sectionOf(html, 'data-day-hours', 'week.wed'));
    expect(wed).toContain('These hours overlap other hours of the same day.');
    expect(wed).toContain('Enter a time of day as HH:MM');
    expect(sectionOf(html, 'data-day-hours', 'week.thu')).not.toContain('data-problem-path');
  });

  it('speaks the admin’s language', () => {
    expect(textOf(render(week({}), [], 'es'))).toMatch(/^Lunes .* Domingo/);
  });
});
