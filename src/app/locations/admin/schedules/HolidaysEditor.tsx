import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';

interface Props {
  readonly holidays: readonly string[];
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (holidays: string[]) => void;
}

/** Dates closed all day: "2026-12-25" once, or "12-25" every year. */
export default function HolidaysEditor({ holidays, problems, t, onChange }: Props) {
  return (
    <div>
      {holidays.length === 0 && <SM>{t('admin.schedules.no_holidays')}</SM>}
      {holidays.map((date, index) => {
        const own = problemsAt(problems, `holidays[${index}]`);
        const yearly = /^\d{2}-\d{2}$/.test(date.trim());
        return (
          <Field key={index}>
            <Field.Label hidden>{t('admin.schedules.holiday_label', { number: index + 1 })}</Field.Label>
            <div style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 4 }}>
              <Input isCompact style={{ width: 140 }} placeholder="2026-12-25" value={date} validation={own.length > 0 ? 'error' : undefined} onChange={(e) => onChange(holidays.map((h, i) => (i === index ? e.target.value : h)))} />
              {yearly && <SM>{t('admin.schedules.every_year')}</SM>}
              <Button size="small" isBasic isDanger onClick={() => onChange(holidays.filter((_, i) => i !== index))} aria-label={t('admin.schedules.remove_holiday_label', { number: index + 1 })}>
                {t('admin.common.remove')}
              </Button>
            </div>
            <FieldProblems problems={own} t={t} />
          </Field>
        );
      })}
      <Button size="small" onClick={() => onChange([...holidays, ''])}>
        {t('admin.schedules.add_holiday')}
      </Button>
    </div>
  );
}
