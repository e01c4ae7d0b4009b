import { Table } from '@zendeskgarden/react-tables';
import type { Translate } from '../../../i18n/translate';
import type { AgentPausesView } from './pause-audit-api';
import type { ReportFormat } from './report-format';
import { WORDS_FIT_TABLE } from '../common/table-style';

interface Props {
  readonly agents: readonly AgentPausesView[];
  /** The threshold the audit was computed with: a pause this many minutes or fewer after a customer reply is quick. */
  readonly quickMinutes: number;
  readonly agentName: (id: string | null) => string;
  readonly format: ReportFormat;
  readonly t: Translate;
}

/** Per agent: pauses (to pending or on-hold), quick ones after a customer reply, repeats and time taken off the clock. */
export default function PauseAuditTable({ agents, quickMinutes, agentName, format, t }: Props) {
  if (agents.length === 0) return <p>{t('admin.reports.pauses.empty')}</p>;
  return (
    <Table size="small" style={WORDS_FIT_TABLE} data-pause-audit="">
      <Table.Head>
        <Table.HeaderRow>
          <Table.HeaderCell>{t('admin.reports.dimension.assignee')}</Table.HeaderCell>
          <Table.HeaderCell>{t('admin.reports.pauses.pauses')}</Table.HeaderCell>
          <Table.HeaderCell>{t('admin.reports.pauses.quick', { minutes: quickMinutes })}</Table.HeaderCell>
          <Table.HeaderCell>{t('admin.reports.pauses.quick_without_reply')}</Table.HeaderCell>
          <Table.HeaderCell>{t('admin.reports.pauses.repeated')}</Table.HeaderCell>
          <Table.HeaderCell>{t('admin.reports.pauses.paused_hours')}</Table.HeaderCell>
        </Table.HeaderRow>
      </Table.Head>
      <Table.Body>
        {agents.map((a) => (
          <Table.Row key={a.assigneeId ?? ''}>
            <Table.Cell>{agentName(a.assigneeId)}</Table.Cell>
            <Table.Cell>{format.number(a.pauses)}</Table.Cell>
            <Table.Cell>{format.number(a.quickPauses)}</Table.Cell>
            <Table.Cell>{format.number(a.quickPausesWithoutReply)}</Table.Cell>
            <Table.Cell>{format.number(a.ticketsPausedRepeatedly)}</Table.Cell>
            <Table.Cell>{format.number(a.pausedMinutes / 60, 1)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
