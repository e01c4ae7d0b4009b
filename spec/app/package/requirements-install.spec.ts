/**
 * requirements.json installs in the sandbox emulator the way Zendesk installs it (all or nothing): every resource
 * is accepted, and the identifiers the app and the server look up (`requirement:<identifier>`) are recorded.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createEmptyState } from '../../../src/sandbox/emulator/state/emulator-state';
import { installApp } from '../../../src/sandbox/emulator/state/install-requirements';

const requirements = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../requirements.json'), 'utf8'));
const METRICS = ['first_reply_time', 'next_reply_time', 'periodic_update_time', 'requester_wait_time', 'agent_work_time', 'total_resolution_time'];

describe('requirements.json in the emulator', () => {
  it('installs the fields, the webhook and the triggers under their identifiers', () => {
    const installation = installApp(createEmptyState('sandbox'), { requirements, appName: 'SLA Clock' }, 1, Date.UTC(2026, 10, 20));
    const installed = Object.fromEntries(installation.requirements.map((r) => [r.identifier, r.requirementType]));
    expect(installed).toEqual({
      sla_policy: 'ticket_fields',
      sla_status: 'ticket_fields',
      sla_next_due_at: 'ticket_fields',
      ...Object.fromEntries(METRICS.map((metric) => [`sla_due_${metric}`, 'ticket_fields'])),
      sla_server: 'webhooks',
      sla_out_notify_requester: 'triggers',
      sla_out_notify_assignee: 'triggers',
      sla_out_notify_group: 'triggers',
      sla_due_soon_notify_assignee: 'triggers',
    });
  });

  it('leaves the trigger that calls the webhook to the server’s setup step (README: Requirements)', () => {
    const actions = Object.values(requirements.triggers as Record<string, { actions: { field: string }[] }>).flatMap((t) => t.actions);
    expect(actions.filter((action) => action.field === 'notification_webhook')).toEqual([]);
  });

  it('mails each audience once per breach: a notified tag in the condition and in the action', () => {
    for (const [identifier, tag] of [
      ['sla_out_notify_requester', 'sla_notified_out_requester'],
      ['sla_out_notify_assignee', 'sla_notified_out_assignee'],
      ['sla_out_notify_group', 'sla_notified_out_group'],
      ['sla_due_soon_notify_assignee', 'sla_notified_due_soon'],
    ] as const) {
      const trigger = requirements.triggers[identifier];
      expect(trigger.conditions.all).toContainEqual({ field: 'current_tags', operator: 'not_includes', value: tag });
      expect(trigger.actions).toContainEqual({ field: 'current_tags', value: tag });
    }
    expect(requirements.triggers.sla_out_notify_assignee.conditions.all[0].value.split(' ')).toEqual(METRICS.map((m) => `sla_out_${m}`));
  });
});
