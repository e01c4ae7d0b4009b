import { Field, Select } from '@zendeskgarden/react-forms';
import { METRIC_NAMES, PRIORITIES } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import type { DirectoryOption } from '../api/account-directory';

/** The filters the Reports tab applies to every report and export; '' = no filter. */
export interface ReportFilterValues {
  readonly metric: string;
  readonly priority: string;
  readonly group: string;
}

export const NO_FILTERS: ReportFilterValues = { metric: '', priority: '', group: '' };

interface Props {
  readonly value: ReportFilterValues;
  readonly groups: readonly DirectoryOption[] | null;
  readonly t: Translate;
  readonly onChange: (value: ReportFilterValues) => void;
}

export default function ReportFilters({ value, groups, t, onChange }: Props) {
  const choice = (name: keyof ReportFilterValues, options: readonly { value: string; label: string }[]) => (
    <Field key={name}>
      <Field.Label>{t(`admin.reports.dimension.${name}`)}</Field.Label>
      <Select value={value[name]} onChange={(e) => onChange({ ...value, [name]: e.target.value })}>
        <option value="">{t('admin.reports.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return (
    <>
      {choice('metric', METRIC_NAMES.map((m) => ({ value: m, label: t(`metric.${m}`) })))}
      {choice('priority', PRIORITIES.map((p) => ({ value: p, label: t(`admin.values.priority.${p}`) })))}
      {choice('group', [...(groups ?? []), { value: 'none', label: t('admin.reports.none') }])}
    </>
  );
}
