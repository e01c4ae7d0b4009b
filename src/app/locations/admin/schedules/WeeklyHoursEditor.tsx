import { WEEKDAYS, type FieldError, type Weekday } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import DayHoursEditor from './DayHoursEditor';
import type { IntervalDraft } from './schedule-draft';

interface Props {
  readonly week: Readonly<Record<Weekday, readonly IntervalDraft[]>>;
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (day: Weekday, hours: IntervalDraft[]) => void;
}

/** Monday to Sunday, each with its opening hours; a day without hours is closed. */
export default function WeeklyHoursEditor({ week, problems, t, onChange }: Props) {
  return (
    <table style={{ borderCollapse: 'collapse' }} aria-label={t('admin.schedules.week')}>
      <tbody>
        {WEEKDAYS.map((day) => (
          <tr key={day} style={{ borderTop: '1px solid #e9ebed' }}>
            <th scope="row" style={{ textAlign: 'left', verticalAlign: 'top', padding: '8px 16px 8px 0', fontWeight: 600, width: 120 }}>
              {t(`admin.weekdays.${day}`)}
            </th>
            <td style={{ padding: '6px 0' }}>
              <DayHoursEditor dayLabel={t(`admin.weekdays.${day}`)} hours={week[day]} path={`week.${day}`} problems={problems} t={t} onChange={(hours) => onChange(day, hours)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
