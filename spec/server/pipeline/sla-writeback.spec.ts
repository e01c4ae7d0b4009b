import { assessTicket, type PolicyTarget, type TicketEvent } from '../../../src/core';
import { sameWriteback, slaWriteback, ticketShows } from '../../../src/server/pipeline/sla-writeback';
import type { ZendeskSetup } from '../../../src/server/store/sla-store';
import { aPolicy } from '../../support/a-policy';
import { aTicket } from '../../support/a-ticket';

const T0 = Date.parse('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const SETUP: ZendeskSetup = {
  installationId: '1',
  fieldIds: { sla_policy: '1', sla_status: '2', sla_next_due_at: '3', sla_due_first_reply_time: '4', sla_due_total_resolution_time: '5' },
  webhookId: 'w',
  notifyTriggerId: 't',
  emailTriggerIds: {},
  checkedAt: T0,
};
const calendar = (metric: PolicyTarget['metric'], targetMinutes: number, warnMinutesBefore?: number): PolicyTarget => ({
  metric,
  priority: 'any',
  targetMinutes,
  hours: 'calendar',
  ...(warnMinutesBefore === undefined ? {} : { warnMinutesBefore }),
});
const POLICY = aPolicy({ title: 'Gold', targets: [calendar('first_reply_time', 60, 15), calendar('total_resolution_time', 24 * 60)] });
const created: TicketEvent = { type: 'created', at: T0, ticket: aTicket({ id: '7', status: 'new' }) };
const writebackAt = (minutes: number, more: TicketEvent[] = []) =>
  slaWriteback(assessTicket({ ticket: aTicket({ id: '7', status: 'open' }), history: [created, ...more], policies: [POLICY], schedules: {}, now: T0 + minutes * MINUTE }), SETUP);

describe('what a ticket should show of its SLA', () => {
  it('on track: the policy, the status, each running due time and the earliest; no managed tag', () => {
    const desired = writebackAt(10);
    expect(desired.customFields).toEqual({
      '1': 'Gold',
      '2': 'sla_status_on_track',
      '3': '2026-11-23T09:00:00Z',
      '4': '2026-11-23T09:00:00Z',
      '5': '2026-11-24T08:00:00Z',
    });
    expect(desired.addTags).toEqual([]);
    expect(desired.removeTags).toEqual(expect.arrayContaining(['sla_out_first_reply_time', 'sla_due_soon', 'sla_notified_due_soon', 'sla_notified_out_assignee']));
  });

  it('due soon inside the warning window, then breached with its tag; the notified marks stay while out of SLA', () => {
    expect(writebackAt(50)).toMatchObject({ customFields: { '2': 'sla_status_due_soon' }, addTags: ['sla_due_soon'] });
    const breached = writebackAt(61);
    expect(breached.customFields['2']).toBe('sla_status_breached');
    expect(breached.addTags).toEqual(['sla_out_first_reply_time']);
    expect(breached.removeTags).not.toContain('sla_notified_out_assignee');
    expect(breached.removeTags).toContain('sla_due_soon');
  });

  it('back in SLA after a late reply: the breach tag and the notified marks go, so the next breach mails again', () => {
    const replied = writebackAt(70, [{ type: 'comment', at: T0 + 65 * MINUTE, public: true, authorRole: 'agent' }]);
    expect(replied.customFields).toMatchObject({ '2': 'sla_status_on_track', '4': null, '3': '2026-11-24T08:00:00Z' });
    expect(replied.addTags).toEqual([]);
    expect(replied.removeTags).toEqual(expect.arrayContaining(['sla_out_first_reply_time', 'sla_notified_out_assignee', 'sla_notified_out_group']));
  });

  it('no policy: every field cleared', () => {
    const none = slaWriteback(assessTicket({ ticket: aTicket({ id: '7' }), history: [created], policies: [], schedules: {}, now: T0 }), SETUP);
    expect(Object.values(none.customFields).every((v) => v === null)).toBe(true);
  });

  it('tells whether Zendesk already shows it, and whether two states are the same', () => {
    const desired = writebackAt(61);
    const fields = Object.entries(desired.customFields).map(([id, value]) => ({ id, value }));
    expect(ticketShows({ custom_fields: fields, tags: ['sla_out_first_reply_time', 'vip'] }, desired)).toBe(true);
    expect(ticketShows({ custom_fields: fields, tags: ['vip'] }, desired)).toBe(false);
    expect(ticketShows({ custom_fields: fields, tags: ['sla_out_first_reply_time', 'sla_due_soon'] }, desired)).toBe(false);
    expect(sameWriteback(desired, { ...writebackAt(62), updatedStamp: 'x' })).toBe(true);
    expect(sameWriteback(desired, writebackAt(10))).toBe(false);
    expect(sameWriteback(null, desired)).toBe(false);
  });
});
