import { Table } from '@zendeskgarden/react-tables';
import type { Translate } from '../../../i18n/translate';
import type { ReportFormat } from './report-format';
import type { ComplianceRowView } from './reports-api';
import { NARROW_CELL, WORDS_FIT_TABLE } from '../common/table-style';

interface Props {
  readonly rows: readonly ComplianceRowView[];
  /** The dimension the rows are grouped by; null: one row for everything. */
  readonly groupBy: string | null;
  readonly format: ReportFormat;
  readonly t: Translate;
  /** A group's value as the admin knows it (a policy's title, a metric's name); the raw value when not given. */
  readonly labelOf?: (dimension: string, value: string) => string;
}

/**
 * Compliance rows: counts, the share met on time, and the median and p90 business minutes (nearest rank), written
 * in the viewer's locale ("97,5 %" in Spanish, "12 345" in Polish).
 */
export default function ComplianceTable({ rows, groupBy, format, t, labelOf = (_dimension, value) => value }: Props) {
  const minutes = (value: number | null) => (value === null ? '–' : format.number(value, value < 10 ? 1 : 0));
  if (rows.length === 0) return <p>{t('admin.reports.empty')}</p>;
  return (
    <Table size="small" style={WORDS_FIT_TABLE}>
      <Table.Head>
        <Table.HeaderRow>
          {/* No set width: laid out automatically (WORDS_FIT_TABLE), names ("Total resolution time", a policy's title)
              get the room their words need, and eight headers of long Polish words still fit 1024 px. */}
          <Table.HeaderCell style={NARROW_CELL}>{groupBy ? t(`admin.reports.dimension.${groupBy}`) : t('admin.reports.all')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.tickets')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.met_percent')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.met')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.met_late')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.breached')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.running')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.median')}</Table.HeaderCell>
          <Table.HeaderCell style={NARROW_CELL}>{t('admin.reports.column.p90')}</Table.HeaderCell>
        </Table.HeaderRow>
      </Table.Head>
      <Table.Body>
        {rows.map((row) => {
          const value = groupBy ? row.key[groupBy] : null;
          return (
            <Table.Row key={JSON.stringify(row.key)}>
              <Table.Cell style={NARROW_CELL}>{groupBy ? (value == null ? t('admin.reports.none') : labelOf(groupBy, value)) : t('admin.reports.all')}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.number(row.tickets)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.percent(row.metPercent)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.number(row.met)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.number(row.metLate)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.number(row.breached)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{format.number(row.running)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{minutes(row.medianBusinessMinutes)}</Table.Cell>
              <Table.Cell style={NARROW_CELL}>{minutes(row.p90BusinessMinutes)}</Table.Cell>
            </Table.Row>
          );
        })}
      </Table.Body>
    </Table>
  );
}
