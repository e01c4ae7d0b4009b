import type { CSSProperties } from 'react';
import { Button } from '@zendeskgarden/react-buttons';
import { Checkbox, Field, Input, Select, Textarea } from '@zendeskgarden/react-forms';
import { Table } from '@zendeskgarden/react-tables';
import { METRIC_NAMES, PRIORITIES, type FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import type { ObjectiveDraft } from './objective-draft';
import type { ObjectiveView } from './objectives-api';
import type { ReportFormat } from './report-format';
import { WORDS_FIT_TABLE } from '../common/table-style';

const PERIODS = ['day', 'week', 'month', 'quarter'] as const;

interface Props {
  readonly objectives: readonly ObjectiveView[];
  readonly draft: ObjectiveDraft;
  readonly problems: readonly FieldError[];
  readonly busy: boolean;
  readonly format: ReportFormat;
  readonly t: Translate;
  /** The objective the form edits; null: the form adds one. */
  readonly editingId: string | null;
  readonly onChange: (draft: ObjectiveDraft) => void;
  /** Adds the draft, or saves it over the objective being edited. */
  readonly onSubmit: () => void;
  readonly onEdit: (id: string) => void;
  readonly onCancelEdit: () => void;
  readonly onDelete: (id: string) => void;
}

/**
 * Objectives with where each stands in its current period and their budget alerts, and a form that adds one or
 * edits the one chosen (problems beside each field, under the server's paths: `percent`, `alert.recipients.1`).
 */
export default function ObjectivesPanel({ objectives, draft, problems, busy, format, t, editingId, onChange, onSubmit, onEdit, onCancelEdit, onDelete }: Props) {
  const set = (patch: Partial<ObjectiveDraft>) => onChange({ ...draft, ...patch });
  const field = (path: string) => problemsAt(problems, path);
  const recipientProblems = problemsAt(problems, 'alert.recipients', { deep: true });
  const editing = objectives.find((o) => o.id === editingId) ?? null;
  return (
    <section data-objectives="">
      {objectives.length === 0 ? (
        <p>{t('admin.reports.objectives.empty')}</p>
      ) : (
        <Table size="small" style={WORDS_FIT_TABLE}>
          <Table.Head>
            <Table.HeaderRow>
              <Table.HeaderCell>{t('admin.reports.objectives.objective')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.objectives.period_so_far')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.objectives.attainment')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.objectives.budget_left')}</Table.HeaderCell>
              <Table.HeaderCell>{t('admin.reports.objectives.burn_rate')}</Table.HeaderCell>
              <Table.HeaderCell>
                <span style={{ position: 'absolute', left: -9999 }}>{t('admin.common.delete')}</span>
              </Table.HeaderCell>
            </Table.HeaderRow>
          </Table.Head>
          <Table.Body>
            {objectives.map(({ id, objective: o, alert, status: s }) => (
              <Table.Row key={id} data-objective={o.title} isSelected={id === editingId}>
                <Table.Cell>
                  <strong>{o.title}</strong>
                  <br />
                  {t('admin.reports.objectives.summary', {
                    percent: format.percent(o.percent),
                    metric: t(`metric.${o.metric}`),
                    priority: o.priority ? t(`admin.values.priority.${o.priority}`) : t('admin.reports.objectives.any_priority'),
                    minutes: o.targetMinutes,
                    period: t(`admin.reports.objectives.periods.${o.period}`),
                  })}
                  <br />
                  <small data-objective-alert="">
                    {alert.enabled
                      ? t('admin.reports.objectives.alert_summary', { threshold: format.percent(alert.thresholdPercent), recipients: alert.recipients.join(', ') })
                      : t('admin.reports.objectives.alert_off')}
                  </small>
                </Table.Cell>
                <Table.Cell>{`${format.date(s.periodStart)} – ${format.date(s.periodEnd - 1)}`}</Table.Cell>
                <Table.Cell>
                  {format.percent(s.attainmentPercent)}
                  <br />
                  <small>{t('admin.reports.objectives.counts', { good: s.good, bad: s.bad, undecided: s.undecided })}</small>
                </Table.Cell>
                <Table.Cell>{format.number(s.errorBudgetRemaining, 1)}</Table.Cell>
                <Table.Cell style={s.burnRate !== null && s.burnRate > 1 ? { color: '#cc3340' } : undefined}>{s.burnRate === null ? '–' : `${format.number(s.burnRate, 2)}×`}</Table.Cell>
                <Table.Cell style={{ whiteSpace: 'nowrap' }}>
                  <Button size="small" isBasic disabled={busy} onClick={() => onEdit(id)} aria-label={t('admin.reports.objectives.edit_label', { title: o.title })}>
                    {t('admin.common.edit')}
                  </Button>{' '}
                  <Button size="small" isDanger isBasic disabled={busy} onClick={() => onDelete(id)} aria-label={t('admin.reports.objectives.delete_label', { title: o.title })}>
                    {t('admin.common.delete')}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <form
        data-objective-form={editing ? 'edit' : 'create'}
        aria-label={editing ? t('admin.reports.objectives.editing', { title: editing.objective.title }) : t('admin.reports.objectives.create')}
        // The number fields are as wide as their longest label (Spanish "En menos de (minutos laborables)", Polish
        // "Alert przy pozostałym budżecie (%)"): a label on three lines pushed its input below its neighbours'.
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', marginTop: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {editing && (
          <p style={{ flexBasis: '100%', margin: 0 }}>
            <strong>{t('admin.reports.objectives.editing', { title: editing.objective.title })}</strong>
          </p>
        )}
        <TextField label={t('admin.reports.objectives.title')} value={draft.title} problems={field('title')} onChange={(title) => set({ title })} t={t} style={{ minWidth: 200 }} />
        <Field>
          <Field.Label>{t('admin.reports.dimension.metric')}</Field.Label>
          <Select value={draft.metric} onChange={(e) => set({ metric: e.target.value })}>
            {METRIC_NAMES.map((m) => (
              <option key={m} value={m}>
                {t(`metric.${m}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Field.Label>{t('admin.reports.dimension.priority')}</Field.Label>
          <Select value={draft.priority} onChange={(e) => set({ priority: e.target.value })}>
            <option value="">{t('admin.reports.objectives.any_priority')}</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`admin.values.priority.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <TextField label={t('admin.reports.objectives.target_minutes')} decimal value={draft.targetMinutes} problems={field('targetMinutes')} onChange={(targetMinutes) => set({ targetMinutes })} t={t} style={{ width: 290 }} />
        <TextField label={t('admin.reports.objectives.percent')} decimal value={draft.percent} problems={field('percent')} onChange={(percent) => set({ percent })} t={t} style={{ width: 130 }} />
        <Field>
          <Field.Label>{t('admin.reports.objectives.period')}</Field.Label>
          <Select value={draft.period} onChange={(e) => set({ period: e.target.value })}>
            {PERIODS.map((p) => (
              <option key={p} value={p}>
                {t(`admin.reports.objectives.periods.${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <fieldset data-objective-alert-fields="" style={{ flexBasis: '100%', display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', border: '1px solid #d8dcde', borderRadius: 4, padding: 12 }}>
          <legend>{t('admin.reports.objectives.alert.heading')}</legend>
          <Field style={{ flexBasis: '100%' }}>
            <Checkbox checked={draft.alertEnabled} onChange={(e) => set({ alertEnabled: e.target.checked })}>
              <Field.Label>{t('admin.reports.objectives.alert.enabled')}</Field.Label>
              <Field.Hint>{t('admin.reports.objectives.alert.hint')}</Field.Hint>
            </Checkbox>
          </Field>
          <TextField
            label={t('admin.reports.objectives.alert.threshold')}
            decimal
            value={draft.alertThreshold}
            problems={field('alert.thresholdPercent')}
            onChange={(alertThreshold) => set({ alertThreshold })}
            t={t}
            style={{ width: 280 }}
          />
          <Field style={{ minWidth: 320, flexGrow: 1 }}>
            <Field.Label>{t('admin.reports.objectives.alert.recipients')}</Field.Label>
            <Field.Hint>{t('admin.reports.objectives.alert.recipients_hint')}</Field.Hint>
            <Textarea minRows={1} value={draft.alertRecipients} validation={recipientProblems.length ? 'error' : undefined} onChange={(e) => set({ alertRecipients: e.target.value })} />
            <FieldProblems problems={recipientProblems} t={t} />
          </Field>
        </fieldset>
        <Button type="submit" isPrimary disabled={busy}>
          {editing ? t('admin.reports.objectives.save') : t('admin.reports.objectives.create')}
        </Button>
        {editing && (
          <Button isBasic disabled={busy} onClick={onCancelEdit}>
            {t('admin.common.cancel')}
          </Button>
        )}
      </form>
    </section>
  );
}

/** A labelled text input with its problems below it; `decimal` asks touch keyboards for digits. */
function TextField(props: {
  readonly label: string;
  readonly value: string;
  readonly problems: readonly FieldError[];
  readonly onChange: (value: string) => void;
  readonly t: Translate;
  readonly decimal?: boolean;
  readonly style?: CSSProperties;
}) {
  const { label, value, problems, onChange, t, decimal = false, style } = props;
  return (
    <Field style={style}>
      <Field.Label>{label}</Field.Label>
      <Input {...(decimal ? { inputMode: 'decimal' as const } : {})} value={value} validation={problems.length ? 'error' : undefined} onChange={(e) => onChange(e.target.value)} />
      <FieldProblems problems={problems} t={t} />
    </Field>
  );
}
