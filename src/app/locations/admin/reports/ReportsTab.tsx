import { useMemo, useState } from 'react';
import { Field, Select } from '@zendeskgarden/react-forms';
import ErrorNotice from '../../../components/ErrorNotice';
import LoadingState from '../../../components/LoadingState';
import { useTranslate } from '../../../i18n/use-translate';
import { useAdminApi } from '../api/use-admin-api';
import { useAdminLoad } from '../common/use-admin-load';
import { useAdminTimeZone } from '../common/use-admin-time-zone';
import BreachTrendChart from './BreachTrendChart';
import ComplianceTable from './ComplianceTable';
import { periodRange, reportQuery, REPORT_PERIODS, type ReportPeriod } from './report-period';
import { breachTrendCall, complianceCall } from './reports-api';

const GROUPINGS = ['', 'policy', 'metric', 'priority', 'group', 'assignee', 'brand', 'channel', 'organization'] as const;

/**
 * The Reports tab: compliance for a period grouped as the admin chooses, and breaches per day in the admin's zone.
 * Periods are read in the admin's time zone; the numbers come from the server (GET /api/reports/*).
 */
export default function ReportsTab() {
  const { t } = useTranslate();
  const run = useAdminApi();
  const zone = useAdminTimeZone();
  const [period, setPeriod] = useState<ReportPeriod>('this_month');
  const [groupBy, setGroupBy] = useState<string>('metric');
  // The period is fixed when chosen (not ticking): the same choice always asks the same question.
  const range = useMemo(() => periodRange(period, Date.now(), zone), [period, zone]);
  const compliance = useMemo(() => complianceCall(reportQuery({ ...range, groupBy })), [range, groupBy]);
  const trend = useMemo(() => breachTrendCall(reportQuery({ ...range, tz: zone, bucket: 'day' })), [range, zone]);
  const rows = useAdminLoad(run, compliance);
  const breaches = useAdminLoad(run, trend);

  return (
    <div>
      <div style={{ display: 'flex', gap: 16, marginBottom: 16 }}>
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
      {rows.state.status === 'failed' ? (
        <ErrorNotice error={rows.state.error} t={t} retryInSeconds={null} onRetry={rows.reload} />
      ) : rows.state.status === 'loading' ? (
        <LoadingState label={t('admin.reports.loading')} />
      ) : (
        <ComplianceTable rows={rows.state.value} groupBy={groupBy || null} t={t} />
      )}
      {breaches.state.status === 'ready' && <BreachTrendChart points={breaches.state.value.points} t={t} />}
    </div>
  );
}
