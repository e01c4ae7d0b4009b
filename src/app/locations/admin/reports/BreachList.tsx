import { Anchor, Button } from '@zendeskgarden/react-buttons';
import { Table } from '@zendeskgarden/react-tables';
import type { Translate } from '../../../i18n/translate';
import type { BreachView } from './breaches-api';
import type { ReportFormat } from './report-format';
import { WORDS_FIT_TABLE } from '../common/table-style';

interface Props {
  /** One page of the period's breaches, starting at `offset` in the list's order. */
  readonly breaches: readonly BreachView[];
  readonly total: number;
  readonly offset: number;
  readonly pageSize: number;
  /** Asks for the page starting at this offset (same period and filters). */
  readonly onPage: (offset: number) => void;
  readonly format: ReportFormat;
  readonly policyTitle: (id: string | null) => string;
  readonly t: Translate;
  /** Opens the ticket in Zendesk's agent workspace (ZAF routeTo): links inside the iframe would open the app's origin. */
  readonly onOpenTicket: (ticketId: string) => void;
}

/**
 * The period's breaches, newest first, a page at a time: which ticket, when, by how much, under which policy and
 * target. Previous/Next as Garden's cursor pagination, with where the page stands in the whole list.
 */
export default function BreachList({ breaches, total, offset, pageSize, onPage, format, policyTitle, t, onOpenTicket }: Props) {
  if (breaches.length === 0 && offset === 0) return <p data-breach-list="empty">{t('admin.reports.breaches.empty')}</p>;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.floor(offset / pageSize) + 1;
  const range = { first: offset + 1, last: offset + breaches.length, count: total };
  return (
    <div data-breach-list="">
      <p data-breach-range="">{t('admin.reports.breaches.shown', range)}</p>
      <Table size="small" style={WORDS_FIT_TABLE}>
        <Table.Head>
          <Table.HeaderRow>
            {/* Sized to their contents (a date and time, "Total resolution time · Urgent") so rows stay one line at 1024 px. */}
            <Table.HeaderCell width="10%">{t('admin.reports.breaches.ticket')}</Table.HeaderCell>
            <Table.HeaderCell width="24%">{t('admin.reports.breaches.breached_at')}</Table.HeaderCell>
            <Table.HeaderCell width="13%">{t('admin.reports.breaches.late_by')}</Table.HeaderCell>
            <Table.HeaderCell width="20%">{t('admin.reports.dimension.policy')}</Table.HeaderCell>
            <Table.HeaderCell width="33%">{t('admin.reports.breaches.target')}</Table.HeaderCell>
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
      {pages > 1 && (
        <nav aria-label={t('admin.reports.breaches.pages')} style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 8 }}>
          <Button size="small" isBasic disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - pageSize))}>
            {t('admin.reports.breaches.previous')}
          </Button>
          <span data-breach-page="">{t('admin.reports.breaches.page', { page, pages })}</span>
          <Button size="small" isBasic disabled={offset + pageSize >= total} onClick={() => onPage(offset + pageSize)}>
            {t('admin.reports.breaches.next')}
          </Button>
        </nav>
      )}
    </div>
  );
}

/** Minutes up to two hours, then hours to a tenth: "1983 minutes" reads worse than "33.1 hours". */
function lateBy(minutes: number | null, t: Translate): string {
  if (minutes === null) return '–';
  if (minutes < 120) return t('admin.reports.breaches.minutes', { count: Math.round(minutes) });
  return t('admin.reports.breaches.hours', { count: Math.round(minutes / 6) / 10 });
}
