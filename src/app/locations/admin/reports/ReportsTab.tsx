import { useMemo, useState } from 'react';
import { DateTime } from 'luxon';
import { Button } from '@zendeskgarden/react-buttons';
import { Field, Select } from '@zendeskgarden/react-forms';
import { LG } from '@zendeskgarden/react-typography';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import { useTranslate } from '../../../i18n/use-translate';
import { useZafClient } from '../../../zaf/use-zaf-client';
import { useAccountDirectory } from '../api/account-directory';
import { listPoliciesCall } from '../api/policies-api';
import { useAdminApi } from '../api/use-admin-api';
import Notice, { type NoticeState } from '../common/Notice';
import { useAdminLoad } from '../common/use-admin-load';
import { useAdminTimeZone } from '../common/use-admin-time-zone';
import { breachListCall } from './breaches-api';
import BreachList from './BreachList';
import BreachTrendChart from './BreachTrendChart';
import ComplianceTable from './ComplianceTable';
import ObjectivesSection from './ObjectivesSection';
import { pauseAuditCall } from './pause-audit-api';
import PauseAuditTable from './PauseAuditTable';
import QuickPauseThreshold, { QUICK_MINUTES_DEFAULT } from './QuickPauseThreshold';
import { reportFormat } from './report-format';
import { periodRange, reportQuery, REPORT_PERIODS, type ReportPeriod } from './report-period';
import ReportFilters, { NO_FILTERS, type ReportFilterValues } from './ReportFilters';
import { breachTrendCall, complianceCall } from './reports-api';
import { useCsvDownload } from './use-csv-download';

const GROUPINGS = ['', 'policy', 'metric', 'priority', 'group', 'assignee', 'brand', 'channel', 'organization'] as const;
/** Breaches per page of the list. */
const BREACH_PAGE_SIZE = 25;

/**
 * The Reports tab: compliance for a period grouped as the admin chooses, breaches per day and listed, objectives,
 * the pause audit, and CSV exports of the same filters. Periods are read and instants shown in the admin's zone
 * (ZAF currentUser.timeZone); numbers in the admin's locale. The numbers come from the server (GET /api/reports/*).
 */
export default function ReportsTab() {
  const { t, locale } = useTranslate();
  const client = useZafClient();
  const run = useAdminApi();
  const zone = useAdminTimeZone();
  const directory = useAccountDirectory();
  const download = useCsvDownload();
  const [period, setPeriod] = useState<ReportPeriod>('this_month');
  const [groupBy, setGroupBy] = useState<string>('metric');
  const [filters, setFilters] = useState<ReportFilterValues>(NO_FILTERS);
  const [notice, setNotice] = useState<NoticeState>(null);
  // The page belongs to the query it was chosen in: another period or filter starts again at the newest breaches.
  const [breachPage, setBreachPage] = useState<{ readonly query: string; readonly offset: number }>({ query: '', offset: 0 });
  const [quickMinutes, setQuickMinutes] = useState(QUICK_MINUTES_DEFAULT);
  const format = useMemo(() => reportFormat(locale, zone), [locale, zone]);
  // The period is fixed when chosen (not ticking): the same choice always asks the same question.
  const range = useMemo(() => periodRange(period, Date.now(), zone), [period, zone]);
  const sliceQuery = reportQuery({ ...range, ...filters });
  const compliance = useMemo(() => complianceCall(`${sliceQuery}&${reportQuery({ groupBy })}`), [sliceQuery, groupBy]);
  const trend = useMemo(() => breachTrendCall(`${sliceQuery}&${reportQuery({ tz: zone, bucket: 'day' })}`), [sliceQuery, zone]);
  const listQuery = `${sliceQuery}&${reportQuery({ tz: zone })}`;
  const breachOffset = breachPage.query === listQuery ? breachPage.offset : 0;
  const breachList = useMemo(() => breachListCall(listQuery, BREACH_PAGE_SIZE, breachOffset), [listQuery, breachOffset]);
  const pauses = useMemo(() => pauseAuditCall(reportQuery(range), quickMinutes), [range, quickMinutes]);
  const rows = useAdminLoad(run, compliance);
  const breaches = useAdminLoad(run, trend);
  const list = useAdminLoad(run, breachList);
  const audit = useAdminLoad(run, pauses);
  const policies = useAdminLoad(run, listPoliciesCall);

  const policyTitle = (id: string | null) =>
    id === null ? t('admin.reports.none') : ((policies.state.status === 'ready' ? policies.state.value.find((p) => p.policy.id === id)?.policy.title : undefined) ?? id);
  const agentName = (id: string | null) => (id === null ? t('admin.reports.unassigned') : (directory.assignees?.find((a) => a.value === id)?.label ?? id));
  const labelOf = (dimension: string, value: string) => {
    if (dimension === 'metric') return t(`metric.${value}`);
    if (dimension === 'priority') return t(`admin.values.priority.${value}`);
    if (dimension === 'policy') return policyTitle(value);
    if (dimension === 'assignee') return agentName(value);
    if (dimension === 'group') return directory.groups?.find((g) => g.value === value)?.label ?? value;
    return value;
  };
  const exportCsv = async (report: 'compliance' | 'breaches') => {
    const query = report === 'compliance' ? `${sliceQuery}&${reportQuery({ groupBy, format: 'csv' })}` : `${sliceQuery}&${reportQuery({ tz: zone, format: 'csv' })}`;
    const ok = await download(`/api/reports/${report}?${query}`, `sla-${report}.csv`);
    setNotice(ok ? null : { type: 'error', text: t('admin.reports.csv_failed') });
  };
  const csvButton = (report: 'compliance' | 'breaches') => (
    <Button size="small" onClick={() => void exportCsv(report)} data-csv={report}>
      {t(`admin.reports.csv_${report}`)}
    </Button>
  );

  return (
    <div>
      <Notice notice={notice} />
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, marginBottom: 16 }}>
        <Field>
          <Field.Label>{t('admin.reports.period')}</Field.Label>
          <Select value={period} onChange={(e) => setPeriod(e.target.value as ReportPeriod)}>
            {REPORT_PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`admin.reports.periods.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <ReportFilters value={filters} groups={directory.groups} t={t} onChange={setFilters} />
        <Field>
          <Field.Label>{t('admin.reports.group_by')}</Field.Label>
          <Select value={groupBy} onChange={(e) => setGroupBy(e.target.value)}>
            {GROUPINGS.map((g) => (
              <option key={g} value={g}>
                {g ? t(`admin.reports.dimension.${g}`) : t('admin.reports.all')}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Heading text={t('admin.reports.headings.compliance')} action={csvButton('compliance')} />
      {rows.state.status === 'failed' ? (
        <ErrorNotice error={rows.state.error} t={t} retryInSeconds={null} onRetry={rows.reload} />
      ) : rows.state.status === 'loading' ? (
        <LoadingState label={t('admin.reports.loading')} />
      ) : (
        <ComplianceTable rows={rows.state.value} groupBy={groupBy || null} format={format} t={t} labelOf={labelOf} />
      )}
      {breaches.state.status === 'ready' && <BreachTrendChart points={breaches.state.value.points} t={t} dayLabel={(date) => format.date(DateTime.fromISO(date, { zone }).toMillis())} />}
      <Heading text={t('admin.reports.headings.breaches')} action={csvButton('breaches')} />
      {list.state.status === 'failed' ? (
        <ErrorNotice error={list.state.error} t={t} retryInSeconds={null} onRetry={list.reload} />
      ) : list.state.status === 'loading' ? (
        <LoadingState label={t('admin.reports.loading')} />
      ) : (
        <BreachList
          breaches={list.state.value.breaches}
          total={list.state.value.total}
          offset={list.state.value.offset}
          pageSize={BREACH_PAGE_SIZE}
          onPage={(offset) => setBreachPage({ query: listQuery, offset })}
          format={format}
          policyTitle={policyTitle}
          t={t}
          onOpenTicket={(id) => void client.invoke('routeTo', 'ticket', id).catch((cause: unknown) => console.error('[SLA Clock] routeTo failed', cause))}
        />
      )}
      <Heading text={t('admin.reports.headings.objectives')} />
      <ObjectivesSection run={run} zone={zone} format={format} t={t} />
      <Heading text={t('admin.reports.headings.pauses')} />
      <div style={{ marginBottom: 12 }}>
        <QuickPauseThreshold value={quickMinutes} onChange={setQuickMinutes} t={t} />
      </div>
      {audit.state.status === 'failed' ? (
        <ErrorNotice error={audit.state.error} t={t} retryInSeconds={null} onRetry={audit.reload} />
      ) : audit.state.status === 'loading' ? (
        <LoadingState label={t('admin.reports.loading')} />
      ) : (
        <PauseAuditTable agents={audit.state.value.agents} quickMinutes={audit.state.value.quickMinutes} agentName={agentName} format={format} t={t} />
      )}
    </div>
  );
}

function Heading({ text, action }: { readonly text: string; readonly action?: JSX.Element }) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 16, margin: '24px 0 8px' }}>
      <LG tag="h2">{text}</LG>
      {action}
    </div>
  );
}
