import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import { isOvernight, type IntervalDraft } from './schedule-draft';

interface Props {
  /** Names the day for screen readers ("Monday", "2026-12-24"). */
  readonly dayLabel: string;
  readonly hours: readonly IntervalDraft[];
  /** The path of this day's hours (`week.mon`, `exceptions[0]`): problems below it show beside their interval. */
  readonly path: string;
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (hours: IntervalDraft[]) => void;
}

/**
 * One day's opening hours: any number of intervals (a split shift is two), each "from"–"to". An end at or before
 * the start runs overnight, which the editor says beside it.
 */
export default function DayHoursEditor({ dayLabel, hours, path, problems, t, onChange }: Props) {
  const set = (index: number, interval: IntervalDraft) => onChange(hours.map((h, i) => (i === index ? interval : h)));
  return (
    <div data-day-hours={path}>
      {hours.length === 0 && <SM style={{ padding: '6px 0' }}>{t('admin.schedules.closed')}</SM>}
      {hours.map((interval, index) => {
        const at = `${path}[${index}]`;
        const label = (part: 'from' | 'to') => t(`admin.schedules.${part}_label`, { day: dayLabel, number: index + 1 });
        const startProblems = problemsAt(problems, `${at}[0]`);
        const endProblems = problemsAt(problems, `${at}[1]`);
        return (
          <div key={index} style={{ marginBottom: 4 }}>
            <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
              <Field>
                <Field.Label hidden>{label('from')}</Field.Label>
                <Input isCompact style={{ width: 80 }} placeholder="09:00" value={interval[0]} validation={startProblems.length > 0 ? 'error' : undefined} onChange={(e) => set(index, [e.target.value, interval[1]])} />
              </Field>
              <span aria-hidden>–</span>
              <Field>
                <Field.Label hidden>{label('to')}</Field.Label>
                <Input isCompact style={{ width: 80 }} placeholder="17:00" value={interval[1]} validation={endProblems.length > 0 ? 'error' : undefined} onChange={(e) => set(index, [interval[0], e.target.value])} />
              </Field>
              {isOvernight(interval) && <SM data-overnight>{t('admin.schedules.overnight')}</SM>}
              <Button size="small" isBasic isDanger onClick={() => onChange(hours.filter((_, i) => i !== index))} aria-label={t('admin.schedules.remove_hours_label', { day: dayLabel, number: index + 1 })}>
                {t('admin.common.remove')}
              </Button>
            </div>
            <Field>
              <FieldProblems problems={[...problemsAt(problems, at), ...startProblems, ...endProblems]} t={t} />
            </Field>
          </div>
        );
      })}
      <Button size="small" isBasic onClick={() => onChange([...hours, hours.length === 0 ? ['09:00', '17:00'] : ['', '']])} aria-label={t('admin.schedules.add_hours_label', { day: dayLabel })}>
        {hours.length === 0 ? t('admin.schedules.open_day') : t('admin.schedules.add_hours')}
      </Button>
    </div>
  );
}
