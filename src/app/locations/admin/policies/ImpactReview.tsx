import { Field, Radio } from '@zendeskgarden/react-forms';
import { MD, SM } from '@zendeskgarden/react-typography';
import { METRIC_NAMES } from '../../../../core';
import LoadingState from '../../../components/LoadingState';
import { describeAppError } from '../../../components/describe-app-error';
import type { Translate } from '../../../i18n/translate';
import type { LoadState } from '../../../load-state';
import type { ApplyMode, Impact } from '../api/policies-api';

interface Props {
  readonly impact: LoadState<Impact>;
  readonly apply: ApplyMode;
  readonly locale: string;
  /** The admin's IANA zone: due times are shown in it, never the browser's. */
  readonly timeZone: string;
  readonly t: Translate;
  readonly onApplyChange: (apply: ApplyMode) => void;
}

/** The server's words for how a metric moves (the core's ImpactChangeKind). */
const CHANGE_KINDS = ['newly_applies', 'no_longer_applies', 'newly_breached', 'no_longer_breached', 'earlier', 'later', 'policy_changed'];

/** Shows the row limit; a long list is summarised by the count above it. */
const SHOWN_ROWS = 50;

/** "due later: 7 · loses its target: 20": how many metrics move each way, before the rows. */
export function summaryOf(kinds: readonly string[], t: Translate): string {
  const counts = new Map<string, number>();
  for (const kind of kinds) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return [...counts]
    .map(([kind, count]) => `${CHANGE_KINDS.includes(kind) ? t(`admin.impact.changes.${kind}`) : kind}: ${count}`)
    .join(' · ');
}

export function formatDue(iso: string | null, locale: string, timeZone: string): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/**
 * Before a policy change is saved: the open tickets whose due times it would move, and the choice between
 * recomputing them now or applying the change to new tickets only.
 */
export default function ImpactReview({ impact, apply, locale, timeZone, t, onApplyChange }: Props) {
  return (
    <div data-impact-review>
      {impact.status === 'loading' && <LoadingState label={t('admin.impact.loading')} />}
      {impact.status === 'failed' && <MD>{t('admin.impact.failed', { reason: describeAppError(impact.error, t) })}</MD>}
      {impact.status === 'ready' && (
        <>
          <MD>{impact.value.changes.length === 0 ? t('admin.impact.none') : t('admin.impact.count', { count: impact.value.changes.length })}</MD>
          {impact.value.changes.length > 0 && <SM data-impact-summary>{summaryOf(impact.value.changes.map((c) => c.change), t)}</SM>}
          {impact.value.truncated && <SM>{t('admin.impact.truncated')}</SM>}
          {impact.value.changes.length > 0 && (
            <table style={{ borderCollapse: 'collapse', margin: '8px 0', width: '100%' }} aria-label={t('admin.impact.table_label')}>
              <thead>
                <tr>
                  {['ticket', 'metric', 'change', 'due_before', 'due_after'].map((column) => (
                    <th key={column} scope="col" style={{ textAlign: 'left', padding: '2px 8px 2px 0' }}>
                      {t(`admin.impact.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {impact.value.changes.slice(0, SHOWN_ROWS).map((c, i) => (
                  <tr key={`${c.ticketId}/${c.metric}/${i}`} data-impact-ticket={c.ticketId}>
                    <td>#{c.ticketId}</td>
                    <td>{(METRIC_NAMES as readonly string[]).includes(c.metric) ? t(`metric.${c.metric}`) : c.metric}</td>
                    <td>{CHANGE_KINDS.includes(c.change) ? t(`admin.impact.changes.${c.change}`) : c.change}</td>
                    <td>{formatDue(c.dueBefore, locale, timeZone)}</td>
                    <td>{formatDue(c.dueAfter, locale, timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      <fieldset style={{ border: 0, padding: 0, marginTop: 12 }}>
        <legend>{t('admin.impact.apply_legend')}</legend>
        <Field>
          <Radio name="apply" value="recompute_open" checked={apply === 'recompute_open'} onChange={() => onApplyChange('recompute_open')}>
            <Field.Label>{t('admin.impact.recompute_open')}</Field.Label>
            <Field.Hint>{t('admin.impact.recompute_open_hint')}</Field.Hint>
          </Radio>
        </Field>
        <Field>
          <Radio name="apply" value="new_tickets_only" checked={apply === 'new_tickets_only'} onChange={() => onApplyChange('new_tickets_only')}>
            <Field.Label>{t('admin.impact.new_tickets_only')}</Field.Label>
            <Field.Hint>{t('admin.impact.new_tickets_only_hint')}</Field.Hint>
          </Radio>
        </Field>
      </fieldset>
    </div>
  );
}
