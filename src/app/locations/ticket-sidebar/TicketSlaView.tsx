import { SM } from '@zendeskgarden/react-typography';
import { isMeasured, type SlaTimelineEntry, type TicketSlaAssessment, type TicketSlaPreview } from '../../../core';
import ErrorNotice from '../../components/ErrorNotice';
import LoadingState from '../../components/LoadingState';
import type { AppError, LoadState } from '../../load-state';
import { metricRows } from './describe-metric';
import { describePreview } from './describe-preview';
import { describeTimeline } from './describe-timeline';
import { explainPolicy, type EntityNames } from './explain-policy';
import MetricList from './MetricList';
import PolicyWhy from './PolicyWhy';
import PreviewPanel from './PreviewPanel';
import type { SidebarFormat } from './sidebar-format';
import TimelineSection from './TimelineSection';

/** The SLA as the sidebar shows it at `format.now`: null while the server has no history for the ticket. */
export interface LiveSla {
  readonly assessment: TicketSlaAssessment | null;
  /** The agent's unsaved changes assessed as if saved now; null when there are none. */
  readonly preview: TicketSlaPreview | null;
}

interface Props {
  readonly format: SidebarFormat;
  /** Null until Zendesk has said which ticket this is. */
  readonly ticketId: number | null;
  readonly sla: LoadState<LiveSla>;
  /** A refresh failed while the last known state is still shown (`sla` ready). */
  readonly refreshError: AppError | null;
  readonly retryInSeconds: number | null;
  readonly onRetry: () => void;
  /** The latest change of a metric's state, for screen readers (not every tick). */
  readonly announcement: string;
  /** Names of the ids policy conditions name (the ticket's group, organization, assignee). */
  readonly names?: EntityNames;
}

/** The sidebar's markup for one ticket: policy and why, a row per measured metric, the preview, the timeline. */
export default function TicketSlaView({ format, ticketId, sla, refreshError, retryInSeconds, onRetry, announcement, names = new Map() }: Props) {
  const { t } = format;
  return (
    <section aria-label={t('app.name')}>
      {ticketId !== null && <SM isBold>{t('sidebar.ticket', { id: String(ticketId) })}</SM>}
      {sla.status === 'loading' && <LoadingState label={t('sidebar.loading')} />}
      {sla.status === 'failed' && <ErrorNotice error={sla.error} t={t} retryInSeconds={retryInSeconds} onRetry={onRetry} />}
      {sla.status === 'ready' && refreshError && (
        <>
          <ErrorNotice error={refreshError} t={t} retryInSeconds={retryInSeconds} onRetry={onRetry} />
          <SM data-stale>{t('sidebar.stale')}</SM>
        </>
      )}
      {sla.status === 'ready' && <SlaBody sla={sla.value} format={format} names={names} />}
      <div aria-live="polite" data-announcement style={VISUALLY_HIDDEN}>
        {announcement}
      </div>
    </section>
  );
}

function SlaBody({ sla, format, names }: { readonly sla: LiveSla; readonly format: SidebarFormat; readonly names: EntityNames }) {
  const { t } = format;
  if (!sla.assessment) return <SM data-no-history>{t('sidebar.no_history')}</SM>;
  const rows = metricRows(sla.assessment, format);
  return (
    <>
      <PolicyWhy explanation={explainPolicy(sla.assessment.policy, t, names)} t={t} />
      {rows.length > 0 ? <MetricList rows={rows} label={t('sidebar.metrics_heading')} /> : <SM>{t('sidebar.no_measured_metrics')}</SM>}
      {sla.preview && <PreviewPanel preview={describePreview(sla.assessment, sla.preview, format)} t={t} />}
      <TimelineSection lines={describeTimeline(measuredTimeline(sla.assessment), format)} t={t} />
    </>
  );
}

/** Pauses and resumes of metrics the policy does not measure would only be noise next to the rows. */
function measuredTimeline(assessment: TicketSlaAssessment): readonly SlaTimelineEntry[] {
  return assessment.timeline.filter(
    (entry) => entry.kind === 'policy_changed' || entry.kind === 'priority_changed' || isMeasured(assessment.metrics[entry.metric].state),
  );
}

/** Read by screen readers, not shown. */
const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;
