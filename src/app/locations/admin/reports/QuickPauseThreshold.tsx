import { useState } from 'react';
import { Field, Input } from '@zendeskgarden/react-forms';
import type { Translate } from '../../../i18n/translate';

/** The range GET /api/reports/pause-audit accepts for `quickMinutes`: a minute to a day. */
export const QUICK_MINUTES_MIN = 1;
export const QUICK_MINUTES_MAX = 1440;
export const QUICK_MINUTES_DEFAULT = 5;

/** A whole number of minutes in range, or null: what the audit may be asked with. */
export function parseQuickMinutes(text: string): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const minutes = Number(text.trim());
  return minutes >= QUICK_MINUTES_MIN && minutes <= QUICK_MINUTES_MAX ? minutes : null;
}

interface Props {
  readonly value: number;
  /** Called with each valid threshold typed; while the text is not one, the audit keeps the last valid one. */
  readonly onChange: (minutes: number) => void;
  readonly t: Translate;
}

/** How soon after a customer reply a pause counts as quick in the pause audit (the request's `quickMinutes`). */
export default function QuickPauseThreshold({ value, onChange, t }: Props) {
  const [text, setText] = useState(String(value));
  const valid = parseQuickMinutes(text) !== null;
  return (
    <Field data-quick-minutes="">
      <Field.Label>{t('admin.reports.pauses.threshold')}</Field.Label>
      <Field.Hint>{t('admin.reports.pauses.threshold_hint')}</Field.Hint>
      <Input
        type="number"
        inputMode="numeric"
        min={QUICK_MINUTES_MIN}
        max={QUICK_MINUTES_MAX}
        step={1}
        value={text}
        validation={valid ? undefined : 'error'}
        style={{ maxWidth: 120 }}
        onChange={(event) => {
          setText(event.target.value);
          const minutes = parseQuickMinutes(event.target.value);
          if (minutes !== null) onChange(minutes);
        }}
      />
      {!valid && <Field.Message validation="error">{t('admin.reports.pauses.threshold_invalid')}</Field.Message>}
    </Field>
  );
}
