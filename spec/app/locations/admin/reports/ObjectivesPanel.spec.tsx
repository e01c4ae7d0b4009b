import { emptyObjectiveDraft, objectiveOf } from '../../../../../src/app/locations/admin/reports/objective-draft';
import type { ObjectiveView } from '../../../../../src/app/locations/admin/reports/objectives-api';
import ObjectivesPanel from '../../../../../src/app/locations/admin/reports/ObjectivesPanel';
import { reportFormat } from '../../../../../src/app/locations/admin/reports/report-format';
import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

// The README's example: 95%, 200 decided, 6 bad → 97% attained, budget 10, 4 left, burn rate 0.6.
const objective: ObjectiveView = {
  id: 'o1',
  objective: { title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, percent: 95, period: 'month', timeZone: 'Europe/Warsaw' },
  status: {
    periodStart: Date.UTC(2026, 1, 28, 23),
    periodEnd: Date.UTC(2026, 2, 31, 22),
    good: 194,
    bad: 6,
    undecided: 3,
    attainmentPercent: 97,
    errorBudget: 10,
    errorBudgetRemaining: 4,
    burnRate: 0.6,
    met: true,
  },
};

const panel = (props: Partial<Parameters<typeof ObjectivesPanel>[0]> = {}) =>
  renderMarkup(
    <ObjectivesPanel
      objectives={[objective]}
      draft={emptyObjectiveDraft}
      problems={[]}
      busy={false}
      format={reportFormat('en', 'Europe/Warsaw')}
      t={tIn('en')}
      onChange={() => undefined}
      onCreate={() => undefined}
      onDelete={() => undefined}
      {...props}
    />,
  );

describe('ObjectivesPanel', () => {
  it('shows each objective with its period, attainment so far, remaining error budget and burn rate', () => {
    const text = textOf(panel());
    expect(text).toContain('Urgent first replies 95% of First reply time (Urgent) within 60 business minutes, per month');
    expect(text).toContain('Mar 1, 2026 – Mar 31, 2026');
    expect(text).toContain('97% 194 good · 6 bad · 3 open 4 0.6×');
  });

  it('shows the browser’s check of the form beside each field', () => {
    const draft = { ...emptyObjectiveDraft, title: ' ', targetMinutes: 'soon', percent: '100' };
    const checked = objectiveOf(draft, 'Europe/Warsaw');
    expect(checked.ok).toBe(false);
    const html = panel({ draft, problems: checked.ok ? [] : checked.errors });
    // Each message comes right after its field's input, before the next field's label.
    expect(textOf(sectionOf(html, 'data-problem-path', 'title'))).toMatch(/^This field is required\. Metric /);
    expect(textOf(sectionOf(html, 'data-problem-path', 'targetMinutes'))).toMatch(/^Enter a number of minutes\. Share \(%\)/);
    expect(textOf(sectionOf(html, 'data-problem-path', 'percent'))).toMatch(/^This is too large\. Per /);
  });

  it('builds the body the server expects from a valid form, in the admin’s zone', () => {
    expect(objectiveOf({ ...emptyObjectiveDraft, title: 'FRT', priority: 'high', targetMinutes: '30', percent: '99,5' }, 'Asia/Tokyo')).toEqual({
      ok: true,
      value: { title: 'FRT', metric: 'first_reply_time', priority: 'high', targetMinutes: 30, percent: 99.5, period: 'month', timeZone: 'Asia/Tokyo' },
    });
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('renders in %s with every key translated', (locale) => {
    expect(() => panel({ t: tIn(locale), format: reportFormat(locale, 'UTC') })).not.toThrow();
    expect(() => panel({ t: tIn(locale), objectives: [] })).not.toThrow();
  });
});
