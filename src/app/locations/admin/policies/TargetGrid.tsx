import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { SM } from '@zendeskgarden/react-typography';
import { METRIC_NAMES, type FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import { TARGET_PRIORITIES, targetKey, type TargetCell, type TargetClock, type TargetKey } from './policy-draft';

export interface ScheduleChoice {
  readonly id: string;
  readonly name: string;
}

interface Props {
  readonly targets: Readonly<Partial<Record<TargetKey, TargetCell>>>;
  readonly schedules: readonly ScheduleChoice[];
  /** Problems with grid paths (`targets.first_reply_time/high.targetMinutes`, see toGridPaths). */
  readonly problems: readonly FieldError[];
  readonly t: Translate;
  readonly onChange: (key: TargetKey, cell: TargetCell) => void;
}

/** A new cell counts business hours of the first schedule when there is one: that is what most targets promise. */
export const defaultClock = (schedules: readonly ScheduleChoice[]): TargetClock => (schedules[0] ? `business:${schedules[0].id}` : 'calendar');

/**
 * The targets as a grid, metric by priority: minutes (empty = no target), the clock they count on (calendar, or a
 * schedule's business hours) and how many minutes before the due time to warn. Each cell shows its own problems.
 */
export default function TargetGrid({ targets, schedules, problems, t, onChange }: Props) {
  return (
    <div style={{ overflowX: 'auto' }}>
      <table style={{ borderCollapse: 'collapse' }} aria-label={t('admin.targets.heading')}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left' }}>{t('admin.targets.metric')}</th>
            {TARGET_PRIORITIES.map((priority) => (
              <th key={priority} scope="col" style={{ textAlign: 'left', padding: '0 6px' }}>
                {t(`admin.targets.priority.${priority}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {METRIC_NAMES.map((metric) => (
            <tr key={metric} style={{ borderTop: '1px solid #e9ebed' }}>
              <th scope="row" style={{ textAlign: 'left', padding: '6px 6px 6px 0', fontWeight: 600, minWidth: 120 }}>
                {t(`metric.${metric}`)}
              </th>
              {TARGET_PRIORITIES.map((priority) => {
                const key = targetKey(metric, priority);
                const cell = targets[key] ?? { minutes: '', clock: defaultClock(schedules), warn: '' };
                const at = (field: string) => problemsAt(problems, `targets.${key}${field}`);
                const where = { metric: t(`metric.${metric}`), priority: t(`admin.targets.priority.${priority}`) };
                const change = (patch: Partial<TargetCell>) => onChange(key, { ...cell, ...patch });
                return (
                  <td key={key} data-target-cell={key} style={{ padding: 6, verticalAlign: 'top', minWidth: 140 }}>
                    <Field>
                      <Field.Label hidden>{t('admin.targets.minutes_label', where)}</Field.Label>
                      <Input isCompact inputMode="decimal" placeholder={t('admin.targets.minutes_placeholder')} value={cell.minutes} validation={at('.targetMinutes').length > 0 ? 'error' : undefined} onChange={(e) => change({ minutes: e.target.value })} />
                      <FieldProblems problems={[...at(''), ...at('.targetMinutes')]} t={t} />
                    </Field>
                    {cell.minutes.trim() !== '' && (
                      <>
                        <Field>
                          <Field.Label hidden>{t('admin.targets.clock_label', where)}</Field.Label>
                          <Select isCompact value={cell.clock} validation={at('.scheduleId').length > 0 ? 'error' : undefined} onChange={(e) => change({ clock: e.target.value as TargetClock })}>
                            <option value="calendar">{t('admin.targets.calendar')}</option>
                            {!schedules.some((s) => cell.clock === `business:${s.id}`) && cell.clock !== 'calendar' && (
                              <option value={cell.clock}>{t('admin.targets.business_unknown')}</option>
                            )}
                            {schedules.map((s) => (
                              <option key={s.id} value={`business:${s.id}`}>
                                {t('admin.targets.business', { schedule: s.name })}
                              </option>
                            ))}
                          </Select>
                          <FieldProblems problems={at('.scheduleId')} t={t} />
                        </Field>
                        <Field>
                          <Field.Label hidden>{t('admin.targets.warn_label', where)}</Field.Label>
                          {/* The placeholder goes once a number is typed: say what the number is, visibly. */}
                          <SM aria-hidden style={{ color: '#68737d' }}>{t('admin.targets.warn_placeholder')}</SM>
                          <Input isCompact inputMode="decimal" placeholder={t('admin.targets.warn_placeholder')} value={cell.warn} validation={at('.warnMinutesBefore').length > 0 ? 'error' : undefined} onChange={(e) => change({ warn: e.target.value })} />
                          <FieldProblems problems={at('.warnMinutesBefore')} t={t} />
                        </Field>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
