import { MD, SM } from '@zendeskgarden/react-typography';
import ErrorNotice from '../../components/ErrorNotice';
import LoadingState from '../../components/LoadingState';
import type { Translate } from '../../i18n/translate';
import type { LoadState } from '../../load-state';
import type { TicketSlaSummary } from '../../sla-server/ticket-sla';

interface Props {
  readonly t: Translate;
  /** Null until Zendesk has said which ticket this is. */
  readonly ticketId: number | null;
  readonly sla: LoadState<TicketSlaSummary>;
  readonly retryInSeconds: number | null;
  readonly onRetry: () => void;
}

/** The sidebar's markup for one ticket: its id, then the SLA as far as it is known. */
export default function TicketSlaView({ t, ticketId, sla, retryInSeconds, onRetry }: Props) {
  return (
    <section aria-label={t('app.name')}>
      {ticketId !== null && <SM isBold>{t('sidebar.ticket', { id: String(ticketId) })}</SM>}
      {sla.status === 'loading' && <LoadingState label={t('sidebar.loading')} />}
      {sla.status === 'failed' && (
        <ErrorNotice error={sla.error} t={t} retryInSeconds={retryInSeconds} onRetry={onRetry} />
      )}
      {sla.status === 'ready' && (
        <MD>{sla.value.policy ? t('sidebar.policy_name', { name: sla.value.policy.title }) : t('sidebar.no_policy')}</MD>
      )}
    </section>
  );
}
