import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input } from '@zendeskgarden/react-forms';
import { LG, MD } from '@zendeskgarden/react-typography';
import type { FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import ProblemSummary from '../form/ProblemSummary';
import { problemsAt } from '../form/field-problems';
import ExceptionsEditor from './ExceptionsEditor';
import HolidaysEditor from './HolidaysEditor';
import type { ScheduleDraft } from './schedule-draft';
import TimeZonePicker from './TimeZonePicker';
import WeeklyHoursEditor from './WeeklyHoursEditor';

interface Props {
  readonly draft: ScheduleDraft;
  /** Row paths (`week.mon[1]`, `holidays[0]`, `exceptions[2][0][1]`, `name`, `timeZone`). */
  readonly problems: readonly FieldError[];
  readonly busy: boolean;
  readonly t: Translate;
  readonly onChange: (draft: ScheduleDraft) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

const shownInForm = (path: string) => /^(name|timeZone)$/.test(path) || /^(week\.[a-z]{3}|holidays|exceptions)\[/.test(path);

/** The schedule form: name, time zone, weekly hours, holidays and exceptions, each with its problems beside it. */
export default function ScheduleEditor({ draft, problems, busy, t, onChange, onSave, onCancel }: Props) {
  const nameProblems = problemsAt(problems, 'name');
  const heading = draft.id ? t('admin.schedules.edit_heading') : t('admin.schedules.new_heading');
  return (
    <form
      aria-label={heading}
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      style={{ display: 'grid', gap: 16, maxWidth: 900 }}
    >
      <LG tag="h2">{heading}</LG>
      <ProblemSummary problems={problems.filter((p) => !shownInForm(p.path))} t={t} />
      <Field>
        <Field.Label>{t('admin.schedules.name')}</Field.Label>
        <Input value={draft.name} validation={nameProblems.length > 0 ? 'error' : undefined} onChange={(e) => onChange({ ...draft, name: e.target.value })} />
        <FieldProblems problems={nameProblems} t={t} />
      </Field>
      <TimeZonePicker value={draft.timeZone} problems={problemsAt(problems, 'timeZone')} t={t} onChange={(timeZone) => onChange({ ...draft, timeZone })} />
      <section>
        <MD isBold tag="h3">{t('admin.schedules.week')}</MD>
        <MD>{t('admin.schedules.week_hint')}</MD>
        <WeeklyHoursEditor week={draft.week} problems={problems} t={t} onChange={(day, hours) => onChange({ ...draft, week: { ...draft.week, [day]: hours } })} />
      </section>
      <section>
        <MD isBold tag="h3">{t('admin.schedules.holidays')}</MD>
        <MD>{t('admin.schedules.holidays_hint')}</MD>
        <HolidaysEditor holidays={draft.holidays} problems={problems} t={t} onChange={(holidays) => onChange({ ...draft, holidays })} />
      </section>
      <section>
        <MD isBold tag="h3">{t('admin.schedules.exceptions')}</MD>
        <MD>{t('admin.schedules.exceptions_hint')}</MD>
        <ExceptionsEditor exceptions={draft.exceptions} problems={problems} t={t} onChange={(exceptions) => onChange({ ...draft, exceptions })} />
      </section>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" isPrimary disabled={busy}>
          {t('admin.schedules.save')}
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          {t('admin.common.cancel')}
        </Button>
      </div>
    </form>
  );
}
