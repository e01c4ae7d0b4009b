import { SM } from '@zendeskgarden/react-typography';
import type { Translate } from '../../../i18n/translate';

/** Zendesk's own placeholders: the emails are sent by Zendesk triggers, which fill them in. */
const TICKET_PLACEHOLDERS = [
  'ticket.id', 'ticket.title', 'ticket.link', 'ticket.url', 'ticket.priority', 'ticket.status', 'ticket.tags',
  'ticket.requester.name', 'ticket.requester.first_name', 'ticket.assignee.name', 'ticket.group.name',
];

interface Props {
  /** Ticket field ids of the app's SLA fields (`requirement:sla_policy` …), when Zendesk told them. */
  readonly slaFields: Readonly<Partial<Record<'sla_policy' | 'sla_next_due_at' | 'sla_status', string>>>;
  readonly t: Translate;
}

/** What can go in a subject or body, and what each becomes. */
export default function PlaceholderHelp({ slaFields, t }: Props) {
  const rows: Array<[string, string]> = [
    ...TICKET_PLACEHOLDERS.map((p): [string, string] => [`{{${p}}}`, t(`admin.notifications.placeholders.${p.replace(/\./g, '_')}`)]),
    ...Object.entries(slaFields).map(([identifier, id]): [string, string] => [`{{ticket.ticket_field_${id}}}`, t(`admin.notifications.placeholders.${identifier}`)]),
  ];
  return (
    <details data-placeholder-help>
      <summary>{t('admin.notifications.placeholders.heading')}</summary>
      <SM>{t('admin.notifications.placeholders.hint')}</SM>
      <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '2px 12px', margin: '8px 0' }}>
        {rows.map(([code, meaning]) => (
          <div key={code} style={{ display: 'contents' }}>
            <dt>
              <code>{code}</code>
            </dt>
            <dd style={{ margin: 0 }}>{meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
