import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import DayHoursEditor from './DayHoursEditor';
import type { ExceptionDraft } from './schedule-draft';

interface Props {
  readonly exceptions: readonly ExceptionDraft[];
  /** Problems with row paths (`exceptions[1][0][1]`, see toRowPaths). */
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (exceptions: ExceptionDraft[]) => void;
}

/** Dates with their own hours in place of the weekday's (no hours: closed that day, like a holiday). */
export default function ExceptionsEditor({ exceptions, problems, t, onChange }: Props) {
  const set = (index: number, exception: ExceptionDraft) => onChange(exceptions.map((e, i) => (i === index ? exception : e)));
  return (
    <div>
      {exceptions.length === 0 && <SM>{t('admin.schedules.no_exceptions')}</SM>}
      {exceptions.map((exception, index) => {
        const own = problemsAt(problems, `exceptions[${index}]`);
        const dayLabel = exception.date || t('admin.schedules.exception_label', { number: index + 1 });
        return (
          <div key={index} data-exception-row={index} style={{ display: 'grid', gridTemplateColumns: '160px 1fr auto', gap: 12, padding: '6px 0', borderTop: '1px solid #e9ebed' }}>
            <Field>
              <Field.Label hidden>{t('admin.schedules.exception_date_label', { number: index + 1 })}</Field.Label>
              <Input isCompact placeholder="2026-12-24" value={exception.date} validation={own.length > 0 ? 'error' : undefined} onChange={(e) => set(index, { ...exception, date: e.target.value })} />
              <FieldProblems problems={own} t={t} />
            </Field>
            <DayHoursEditor dayLabel={dayLabel} hours={exception.hours} path={`exceptions[${index}]`} problems={problems} t={t} onChange={(hours) => set(index, { ...exception, hours })} />
            <Button size="small" isBasic isDanger onClick={() => onChange(exceptions.filter((_, i) => i !== index))} aria-label={t('admin.schedules.remove_exception_label', { number: index + 1 })}>
              {t('admin.schedules.remove_exception')}
            </Button>
          </div>
        );
      })}
      <Button size="small" onClick={() => onChange([...exceptions, { date: '', hours: [['09:00', '13:00']] }])}>
        {t('admin.schedules.add_exception')}
      </Button>
    </div>
  );
}
