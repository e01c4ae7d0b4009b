import { Field, Select } from '@zendeskgarden/react-forms';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';

/** IANA zones the browser knows (Intl.supportedValuesOf), with UTC; the current value is kept even if unknown here. */
export function timeZoneChoices(current: string, supported: () => readonly string[] = () => Intl.supportedValuesOf('timeZone')): string[] {
  const zones = new Set(['UTC', ...supported()]);
  if (current) zones.add(current);
  return [...zones].sort();
}

interface Props {
  readonly value: string;
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (zone: string) => void;
}

export default function TimeZonePicker({ value, problems, t, onChange }: Props) {
  return (
    <Field>
      <Field.Label>{t('admin.schedules.time_zone')}</Field.Label>
      <Field.Hint>{t('admin.schedules.time_zone_hint')}</Field.Hint>
      <Select value={value} validation={problems.length > 0 ? 'error' : undefined} onChange={(e) => onChange(e.target.value)}>
        {timeZoneChoices(value).map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </Select>
      <FieldProblems problems={problems} t={t} />
    </Field>
  );
}
