import { Anchor } from '@zendeskgarden/react-buttons';
import { Table } from '@zendeskgarden/react-tables';
import type { Translate } from '../../../i18n/translate';
import type { BreachView } from './breaches-api';
import type { ReportFormat } from './report-format';

interface Props {
  readonly breaches: readonly BreachView[];
  readonly total: number;
  readonly format: ReportFormat;
  readonly policyTitle: (id: string | null) => string;
  readonly t: Translate;
  /** Opens the ticket in Zendesk's agent workspace (ZAF routeTo): links inside the iframe would open the app's origin. */
  readonly onOpenTicket: (ticketId: string) => void;
}

/** The period's breaches, newest first: which ticket, when, by how much, under which policy and target. */
export default function BreachList({ breaches, total, format, policyTitle, t, onOpenTicket }: Props) {
  if (breaches.length === 0) return <p data-breach-list="empty">{t('admin.reports.breaches.empty')}</p>;
  return (
    <div data-breach-list="">
      <p>{t('admin.reports.breaches.shown', { count: breaches.length, total })}</p>
      <Table size="small">
        <Table.Head>
          <Table.HeaderRow>
            <Table.HeaderCell>{t('admin.reports.breaches.ticket')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.reports.breaches.breached_at')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.reports.breaches.late_by')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.reports.dimension.policy')}</Table.HeaderCell>
            <Table.HeaderCell>{t('admin.reports.breaches.target')}</Table.HeaderCell>
          </Table.HeaderRow>
        </Table.Head>
        <Table.Body>
          {breaches.map((b) => (
            <Table.Row key={`${b.ticketId}/${b.metric}/${b.instance}`} data-breach={`${b.ticketId}/${b.metric}`}>
              <Table.Cell>
                <Anchor
                  href={`#ticket-${b.ticketId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onOpenTicket(b.ticketId);
                  }}
                >
                  {t('admin.reports.breaches.ticket_link', { id: b.ticketId })}
                </Anchor>
              </Table.Cell>
              <Table.Cell>{format.dateTime(b.breachedAt)}</Table.Cell>
              <Table.Cell>{lateBy(b.lateMinutes, t)}</Table.Cell>
              <Table.Cell>{policyTitle(b.policyId)}</Table.Cell>
              <Table.Cell>
                {t(`metric.${b.metric}`)} · {b.priority ? t(`admin.values.priority.${b.priority}`) : t('admin.reports.none')}
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

/** Minutes up to two hours, then hours to a tenth: "1983 minutes" reads worse than "33.1 hours". */
function lateBy(minutes: number | null, t: Translate): string {
  if (minutes === null) return '–';
  if (minutes < 120) return t('admin.reports.breaches.minutes', { count: Math.round(minutes) });
  return t('admin.reports.breaches.hours', { count: Math.round(minutes / 6) / 10 });
}
