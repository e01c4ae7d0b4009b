import { TEMPLATE_LOCALES } from '../../../src/server/notifications/notification-settings';
import { budgetAlertText, desiredBudgetTrigger } from '../../../src/server/zendesk/objective-alert-triggers';
import { anObjective } from '../../support/an-objective';

const objective = anObjective({ id: '3f2a9c1e-7b4d-4e0a-9c1f-0123456789ab', title: 'Urgent {{first}} replies' });
const alert = { objectiveId: objective.id, periodStart: Date.parse('2026-11-01T00:00:00+01:00'), ticketId: '42', attainmentPercent: 96.25, budget: 7.5, budgetRemaining: 1.5, sentAt: 0 };

describe('budget alert triggers', () => {
  it('mails each recipient the figures of the period’s alert and removes the objective’s tag', () => {
    const stored = { objective, alert: { enabled: true, thresholdPercent: 25, recipients: ['a@x.test', 'b@x.test'] }, alertTriggerId: null, createdAt: 0, updatedAt: 0 };
    const trigger = desiredBudgetTrigger(stored, alert, ['101', '102']);
    expect(trigger.title).toBe('SLA budget alert: Urgent first replies [3f2a9c1e7b4d]');
    expect(trigger.conditions).toEqual({ all: [{ field: 'current_tags', operator: 'includes', value: 'sla_budget_3f2a9c1e7b4d' }], any: [] });
    expect(trigger.actions.map((a) => [a.field, Array.isArray(a.value) ? a.value[0] : a.value])).toEqual([
      ['notification_user', '101'],
      ['notification_user', '102'],
      ['remove_tags', 'sla_budget_3f2a9c1e7b4d'],
    ]);
    const { subject, body } = budgetAlertText(objective, 25, alert);
    // An admin's braces are not left for Liquid to read as a placeholder.
    expect(subject).toBe('SLA objective "Urgent first replies": error budget nearly spent');
    expect(body.split('\n')).toEqual([
      subject,
      '',
      'Objective: 95% within 60 business minutes, per month (Europe/Warsaw)',
      'Period from 2026-11-01',
      'Attainment so far: 96.3%',
      'Error budget left: 1.5 of 7.5 (20%)',
      '',
      'The breach that crossed the threshold: ticket #{{ticket.id}} "{{ticket.title}}"',
      '{{ticket.link}}',
    ]);
    expect(budgetAlertText(objective, 25, null).body).toContain("The error budget left fell to 25% of the period's budget or below.");
  });

  it.each(TEMPLATE_LOCALES.map((l) => [l]))('words the alert in %s with every figure and the ticket link', (locale) => {
    const { subject, body } = budgetAlertText(objective, 25, alert, locale);
    expect(subject).toContain('Urgent first replies');
    expect(body).not.toMatch(/undefined|NaN/);
    for (const figure of ['2026-11-01', '7', '20%', '{{ticket.id}}', '{{ticket.link}}', 'Europe/Warsaw']) expect(body).toContain(figure);
    expect(budgetAlertText(objective, 25, null, locale).body).toContain('25%');
  });
});
