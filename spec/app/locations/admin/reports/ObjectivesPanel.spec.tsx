import { draftOf, emptyObjectiveDraft, objectiveOf } from '../../../../../src/app/locations/admin/reports/objective-draft';
import type { ObjectiveView } from '../../../../../src/app/locations/admin/reports/objectives-api';
import ObjectivesPanel from '../../../../../src/app/locations/admin/reports/ObjectivesPanel';
import { reportFormat } from '../../../../../src/app/locations/admin/reports/report-format';
import { SUPPORTED_LOCALES } from '../../../../../src/app/i18n/catalogs';
import { renderMarkup, sectionOf, textOf, tIn } from '../render-markup';

// The README's example: 95%, 200 decided, 6 bad → 97% attained, budget 10, 4 left, burn rate 0.6.
const objective: ObjectiveView = {
  id: 'o1',
  objective: { title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', targetMinutes: 60, percent: 95, period: 'month', timeZone: 'Europe/Warsaw', organizationId: null, policyId: null },
  alert: { enabled: true, thresholdPercent: 25, recipients: ['lead@example.test', 'ops@example.test'] },
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
      editingId={null}
      onChange={() => undefined}
      onSubmit={() => undefined}
      onEdit={() => undefined}
      onCancelEdit={() => undefined}
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
    expect(text).toContain('Budget alert at 25% left, to lead@example.test, ops@example.test');
    expect(textOf(panel({ objectives: [{ ...objective, alert: { enabled: false, thresholdPercent: 25, recipients: [] } }] }))).toContain('No budget alert');
  });

  it('edits an objective: the form holds it, saves instead of adding, and can be cancelled', () => {
    const text = textOf(panel({ editingId: 'o1', draft: draftOf(objective) }));
    expect(text).toContain('Editing “Urgent first replies”');
    expect(text).toContain('Save changes');
    expect(text).toContain('Cancel');
    expect(text).not.toContain('Add objective');
    expect(draftOf(objective)).toEqual({ title: 'Urgent first replies', metric: 'first_reply_time', priority: 'urgent', targetMinutes: '60', percent: '95', period: 'month', alertEnabled: true, alertThreshold: '25', alertRecipients: 'lead@example.test, ops@example.test' });
  });

  it('checks the alert settings, naming the field as the server does', () => {
    const draft = { ...emptyObjectiveDraft, title: 'FRT', targetMinutes: '60', alertEnabled: true, alertThreshold: '0', alertRecipients: '' };
    const checked = objectiveOf(draft, 'Europe/Warsaw');
    expect(checked.ok ? [] : checked.errors.map((e) => [e.path, e.code])).toEqual([['alert.thresholdPercent', 'too_small'], ['alert.recipients', 'required']]);
    const typo = objectiveOf({ ...draft, alertThreshold: '30', alertRecipients: 'lead@example.test, ops(at)example' }, 'Europe/Warsaw');
    const problems = typo.ok ? [] : typo.errors;
    expect(problems.map((e) => [e.path, e.code])).toEqual([['alert.recipients.1', 'invalid_email']]);
    const html = panel({ draft, problems });
    expect(textOf(sectionOf(html, 'data-problem-path', 'alert.recipients.1'))).toMatch(/^“ops\(at\)example” is not an email address\./);
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
      value: { title: 'FRT', metric: 'first_reply_time', priority: 'high', targetMinutes: 30, percent: 99.5, period: 'month', timeZone: 'Asia/Tokyo', alert: { enabled: false, thresholdPercent: 25, recipients: [] } },
    });
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))('renders in %s with every key translated', (locale) => {
    expect(() => panel({ t: tIn(locale), format: reportFormat(locale, 'UTC') })).not.toThrow();
    expect(() => panel({ t: tIn(locale), objectives: [] })).not.toThrow();
    expect(() => panel({ t: tIn(locale), editingId: 'o1', draft: draftOf(objective) })).not.toThrow();
  });
});
