import { Table } from '@zendeskgarden/react-tables';
import type { Translate } from '../../../i18n/translate';
import type { SimulationView } from './backtest-api';
import { WORDS_FIT_TABLE } from '../common/table-style';

interface Props {
  readonly simulation: SimulationView;
  /** "1 Mar – 30 Mar" in the admin's zone and locale. */
  readonly period: string;
  readonly percent: (value: number | null) => string;
  readonly t: Translate;
}

/**
 * The draft beside the current rules over past tickets: attainment per policy, metric and priority, breaches the
 * draft would add or avoid, tickets that would fall under another policy. Labelled a simulation throughout: nothing
 * here was saved or changed.
 */
export default function SimulationResult({ simulation: s, period, percent, t }: Props) {
  const title = (id: string | null) => (id === null ? t('admin.policies.simulate_no_policy') : (s.policyTitles[id] ?? id));
  return (
    <section data-simulation="" aria-label={t('admin.policies.simulate_heading')} style={{ border: '1px dashed #68737d', padding: 16, marginTop: 16 }}>
      <h3 style={{ marginTop: 0 }}>{t('admin.policies.simulate_heading')}</h3>
      <p>{t('admin.policies.simulate_summary', { count: s.tickets, period })}</p>
      <ul data-simulation-totals="">
        <li>{t('admin.policies.simulate_breaches_gained', { count: s.breachesGained })}</li>
        <li>{t('admin.policies.simulate_breaches_lost', { count: s.breachesLost })}</li>
        <li>{t('admin.policies.simulate_switches', { count: s.policySwitchCount })}</li>
      </ul>
      {s.byPolicy.length === 0 ? (
        <p>{t('admin.policies.simulate_empty')}</p>
      ) : (
        <Table size="small" style={WORDS_FIT_TABLE}>
          <Table.Head>
            <Table.HeaderRow>
              <Table.HeaderCell>{t('admin.reports.dimension.policy')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.dimension.metric')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.dimension.priority')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.policies.simulate_current')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.policies.simulate_draft')}</Table.HeaderCell>
            </Table.HeaderRow>
          </Table.Head>
          <Table.Body>
            {changedFirst(s.byPolicy).map((row) => (
              <Table.Row
                key={`${row.policy}/${row.metric}/${row.priority}`}
                data-simulated-row={changed(row) ? 'changed' : 'same'}
                style={changed(row) ? { background: '#fff7ed', fontWeight: 600 } : undefined}
              >
                <Table.Cell>{title(row.policy)}</Table.Cell>
                <Table.Cell>{row.metric ? t(`metric.${row.metric}`) : '–'}</Table.Cell>
                <Table.Cell>{row.priority ? t(`admin.values.priority.${row.priority}`) : t('admin.reports.none')}</Table.Cell>
                <Table.Cell>{row.current ? t('admin.policies.simulate_cell', { percent: percent(row.current.metPercent), count: row.current.breached }) : '–'}</Table.Cell>
                <Table.Cell>{row.draft ? t('admin.policies.simulate_cell', { percent: percent(row.draft.metPercent), count: row.draft.breached }) : '–'}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {s.policySwitches.length > 0 && (
        <details style={{ marginTop: 8 }}>
          <summary>{t('admin.policies.simulate_switches', { count: s.policySwitchCount })}</summary>
          <ul>
            {s.policySwitches.map((sw) => (
              <li key={sw.ticketId}>{t('admin.policies.simulate_switch', { id: sw.ticketId, from: title(sw.from), to: title(sw.to) })}</li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

const changed = (row: SimulationView['byPolicy'][number]) =>
  row.current?.metPercent !== row.draft?.metPercent || row.current?.breached !== row.draft?.breached || row.current?.instances !== row.draft?.instances;

/** Rows whose numbers differ come first (highlighted), in the server's order otherwise: what the draft changes is what the admin came for. */
const changedFirst = (rows: SimulationView['byPolicy']) => [...rows.filter(changed), ...rows.filter((row) => !changed(row))];
