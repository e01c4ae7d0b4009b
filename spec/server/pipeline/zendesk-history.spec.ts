import { historyOfAudits, snapshotOfTicket, type KnownUser } from '../../../src/server/pipeline/zendesk-history';
import type { ZendeskAudit, ZendeskTicket } from '../../../src/server/zendesk/zendesk-json';

const OWN_FIELD = '9001';
const VIP_CHECKBOX = '777';
const users = new Map<string, KnownUser>([
  ['1', { role: 'end_user', email: 'carol@customer.test' }],
  ['2', { role: 'agent', email: 'alice@support.test' }],
  ['3', { role: 'end_user', email: 'dave@customer.test' }],
]);

/** The ticket as Zendesk shows it now (after the audits below). */
const TICKET: ZendeskTicket = {
  id: '42',
  status: 'pending',
  priority: 'urgent',
  type: 'incident',
  group_id: '20001',
  assignee_id: '2',
  requester_id: '3',
  organization_id: null,
  brand_id: '5',
  ticket_form_id: null,
  tags: ['printer', 'sla_out_first_reply_time', 'sla_status_breached'],
  via: { channel: 'email' },
  custom_fields: [
    { id: OWN_FIELD, value: 'sla_status_breached' },
    { id: VIP_CHECKBOX, value: true },
  ],
  created_at: '2026-11-23T08:00:00Z',
  updated_at: '2026-11-23T09:30:00Z',
};

type AuditEvent = ZendeskAudit['events'][number];
type AuditEventInput = { id: string; type: string; field_name?: string; value?: unknown; previous_value?: unknown; public?: boolean; author_id?: string };
const audit = (id: string, at: string, authorId: string, events: AuditEventInput[]): ZendeskAudit => ({
  id,
  ticket_id: '42',
  created_at: at,
  author_id: authorId,
  via: { channel: 'email' },
  events: events.map((e): AuditEvent => ({ author_id: null, ...e })),
});

const AUDITS: ZendeskAudit[] = [
  audit('100', '2026-11-23T08:00:00Z', '1', [
    { id: '1', type: 'Comment', public: true, author_id: '1' },
    { id: '2', type: 'Create', field_name: 'status', value: 'new' },
    { id: '3', type: 'Create', field_name: 'priority', value: 'normal' },
    { id: '4', type: 'Create', field_name: 'requester_id', value: '1' },
    { id: '5', type: 'Create', field_name: 'tags', value: ['printer'] },
  ]),
  audit('101', '2026-11-23T08:20:00Z', '2', [
    { id: '6', type: 'Comment', public: false, author_id: '2' },
    { id: '7', type: 'Change', field_name: 'priority', value: 'urgent', previous_value: 'normal' },
    { id: '8', type: 'Change', field_name: VIP_CHECKBOX, value: '1', previous_value: '0' },
  ]),
  // Our own write-back and the email trigger it fired: not the ticket's history.
  audit('102', '2026-11-23T08:21:00Z', '10001', [
    { id: '9', type: 'Change', field_name: OWN_FIELD, value: 'sla_status_breached', previous_value: null },
    { id: '10', type: 'Change', field_name: 'tags', value: ['printer', 'sla_out_first_reply_time', 'sla_status_breached'], previous_value: ['printer'] },
  ]),
  audit('103', '2026-11-23T09:30:00Z', '2', [
    { id: '11', type: 'Comment', public: true, author_id: '2' },
    { id: '12', type: 'Change', field_name: 'status', value: 'pending', previous_value: 'new' },
    { id: '13', type: 'Change', field_name: 'requester_id', value: '3', previous_value: '1' },
    { id: '14', type: 'Notification', via: { channel: 'rule' } } as never,
  ]),
];

const AT = (iso: string) => Date.parse(iso);

describe('historyOfAudits', () => {
  const history = historyOfAudits({ ticket: TICKET, audits: AUDITS, users, ownFieldIds: new Set([OWN_FIELD]) });

  it('starts with the ticket as created: changed fields from their Create events, the others as they are now', () => {
    expect(history[0]).toEqual({
      sourceId: 'audit:100:created',
      event: {
        type: 'created',
        at: AT('2026-11-23T08:00:00Z'),
        ticket: {
          id: '42',
          status: 'new',
          priority: 'normal',
          type: 'incident',
          groupId: '20001',
          assigneeId: '2',
          brandId: '5',
          organizationId: null,
          ticketFormId: null,
          requesterEmail: 'carol@customer.test',
          tags: ['printer'],
          via: 'email',
          customFields: { [VIP_CHECKBOX]: false },
        },
      },
    });
  });

  it('maps comments with their author role, and changes with their values, at their audit time, leaving ours out', () => {
    expect(history.slice(1)).toEqual([
      { sourceId: 'audit:100:1', event: { type: 'comment', at: AT('2026-11-23T08:00:00Z'), public: true, authorRole: 'end_user', authorId: '1' } },
      { sourceId: 'audit:101:6', event: { type: 'comment', at: AT('2026-11-23T08:20:00Z'), public: false, authorRole: 'agent', authorId: '2' } },
      { sourceId: 'audit:101:7', event: { type: 'priority_changed', at: AT('2026-11-23T08:20:00Z'), from: 'normal', to: 'urgent' } },
      { sourceId: 'audit:101:8', event: { type: 'custom_field_changed', at: AT('2026-11-23T08:20:00Z'), fieldId: VIP_CHECKBOX, from: false, to: true } },
      { sourceId: 'audit:103:11', event: { type: 'comment', at: AT('2026-11-23T09:30:00Z'), public: true, authorRole: 'agent', authorId: '2' } },
      { sourceId: 'audit:103:12', event: { type: 'status_changed', at: AT('2026-11-23T09:30:00Z'), from: 'new', to: 'pending' } },
      {
        sourceId: 'audit:103:13',
        event: { type: 'field_changed', at: AT('2026-11-23T09:30:00Z'), field: 'requesterEmail', from: 'carol@customer.test', to: 'dave@customer.test' },
      },
    ]);
  });

  it('gives the same source ids when mapped again, so appending twice adds nothing', () => {
    const again = historyOfAudits({ ticket: TICKET, audits: AUDITS, users, ownFieldIds: new Set([OWN_FIELD]) });
    expect(again.map((e) => e.sourceId)).toEqual(history.map((e) => e.sourceId));
  });

  it('takes a comment by someone it could not look up for an end user (a reply must be proven to stop a clock)', () => {
    const [, comment] = historyOfAudits({ ticket: TICKET, audits: [audit('1', '2026-11-23T08:00:00Z', '99', [{ id: '1', type: 'Comment', public: true, author_id: '99' }])], users, ownFieldIds: new Set() });
    expect(comment?.event).toMatchObject({ type: 'comment', authorRole: 'end_user' });
  });
});

describe('snapshotOfTicket', () => {
  it('reads the ticket without our fields and tags', () => {
    const snapshot = snapshotOfTicket(TICKET, 'dave@customer.test', new Set([OWN_FIELD]));
    expect(snapshot.tags).toEqual(['printer']);
    expect(snapshot.customFields).toEqual({ [VIP_CHECKBOX]: true });
    expect(snapshot.status).toBe('pending');
  });
});
