import { Button } from '@zendeskgarden/react-buttons';
import { Field, Input, Select } from '@zendeskgarden/react-forms';
import { Table } from '@zendeskgarden/react-tables';
import { METRIC_NAMES, PRIORITIES, type FieldError } from '../../../../core';
import type { Translate } from '../../../i18n/translate';
import FieldProblems from '../form/FieldProblems';
import { problemsAt } from '../form/field-problems';
import type { ObjectiveDraft } from './objective-draft';
import type { ObjectiveView } from './objectives-api';
import type { ReportFormat } from './report-format';

const PERIODS = ['day', 'week', 'month', 'quarter'] as const;

interface Props {
  readonly objectives: readonly ObjectiveView[];
  readonly draft: ObjectiveDraft;
  readonly problems: readonly FieldError[];
  readonly busy: boolean;
  readonly format: ReportFormat;
  readonly t: Translate;
  readonly onChange: (draft: ObjectiveDraft) => void;
  readonly onCreate: () => void;
  readonly onDelete: (id: string) => void;
}

/** Objectives with where each stands in its current period, and a form to add one (problems beside each field). */
export default function ObjectivesPanel({ objectives, draft, problems, busy, format, t, onChange, onCreate, onDelete }: Props) {
  const set = (patch: Partial<ObjectiveDraft>) => onChange({ ...draft, ...patch });
  const field = (path: keyof ObjectiveDraft) => problemsAt(problems, path);
  return (
    <section data-objectives="">
      {objectives.length === 0 ? (
        <p>{t('admin.reports.objectives.empty')}</p>
      ) : (
        <Table size="small">
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
            {objectives.map(({ id, objective: o, status: s }) => (
              <Table.Row key={id} data-objective={o.title}>
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
                </Table.Cell>
                <Table.Cell>{`${format.date(s.periodStart)} – ${format.date(s.periodEnd - 1)}`}</Table.Cell>
                <Table.Cell>
                  {format.percent(s.attainmentPercent)}
                  <br />
                  <small>{t('admin.reports.objectives.counts', { good: s.good, bad: s.bad, undecided: s.undecided })}</small>
                </Table.Cell>
                <Table.Cell>{format.number(s.errorBudgetRemaining, 1)}</Table.Cell>
                <Table.Cell style={s.burnRate !== null && s.burnRate > 1 ? { color: '#cc3340' } : undefined}>{s.burnRate === null ? '–' : `${format.number(s.burnRate, 2)}×`}</Table.Cell>
                <Table.Cell>
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
        data-objective-form=""
        style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-start', marginTop: 12 }}
        onSubmit={(event) => {
          event.preventDefault();
          onCreate();
        }}
      >
        <Field style={{ minWidth: 200 }}>
          <Field.Label>{t('admin.reports.objectives.title')}</Field.Label>
          <Input value={draft.title} validation={field('title').length ? 'error' : undefined} onChange={(e) => set({ title: e.target.value })} />
          <FieldProblems problems={field('title')} t={t} />
        </Field>
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
        <Field style={{ width: 150 }}>
          <Field.Label>{t('admin.reports.objectives.target_minutes')}</Field.Label>
          <Input inputMode="decimal" value={draft.targetMinutes} validation={field('targetMinutes').length ? 'error' : undefined} onChange={(e) => set({ targetMinutes: e.target.value })} />
          <FieldProblems problems={field('targetMinutes')} t={t} />
        </Field>
        <Field style={{ width: 120 }}>
          <Field.Label>{t('admin.reports.objectives.percent')}</Field.Label>
          <Input inputMode="decimal" value={draft.percent} validation={field('percent').length ? 'error' : undefined} onChange={(e) => set({ percent: e.target.value })} />
          <FieldProblems problems={field('percent')} t={t} />
        </Field>
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
        <Button type="submit" isPrimary disabled={busy} style={{ marginTop: 28 }}>
          {t('admin.reports.objectives.create')}
        </Button>
      </form>
    </section>
  );
}
