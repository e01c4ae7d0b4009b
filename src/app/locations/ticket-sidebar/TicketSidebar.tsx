import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from '../../i18n/use-translate';
import { callSlaServer, type SlaServerIdentity } from '../../sla-server/sla-server-api';
import { ticketSlaCall } from '../../sla-server/ticket-sla';
import { useRetryingCall } from '../../sla-server/use-retrying-call';
import { useAutoResize } from '../../zaf/use-auto-resize';
import { useZafSession } from '../../zaf/use-zaf-client';
import TicketSlaView from './TicketSlaView';

interface Ids {
  readonly ticketId: number;
  readonly userId: number;
}

/**
 * The ticket sidebar's container: asks Zendesk which ticket and agent this is, then our server for the ticket's SLA,
 * retrying while the server cannot be reached. The countdown rows come with the core's assessment (issue #5).
 */
export default function TicketSidebar() {
  const { client, context, metadata } = useZafSession();
  const { t } = useTranslate();
  const [ids, setIds] = useState<Ids | null>(null);
  useAutoResize(client);

  useEffect(() => {
    let current = true;
    client.get(['ticket.id', 'currentUser.id']).then((result) => {
      const ticketId = result['ticket.id'];
      const userId = result['currentUser.id'];
      if (current && ticketId !== undefined && userId !== undefined) setIds({ ticketId, userId });
    }, (cause: unknown) => console.error('[SLA Clock] Zendesk did not say which ticket and agent this is', cause));
    return () => {
      current = false;
    };
  }, [client]);

  const serverUrl = typeof metadata.settings.serverUrl === 'string' ? metadata.settings.serverUrl : '';
  const call = useMemo(() => {
    if (!ids) return null;
    const identity: SlaServerIdentity = { serverUrl, subdomain: context.account.subdomain, userId: ids.userId };
    return () => callSlaServer(client, identity, ticketSlaCall(ids.ticketId));
  }, [client, context.account.subdomain, serverUrl, ids]);
  const { state, retryInSeconds, retryNow } = useRetryingCall(call);

  return (
    <TicketSlaView t={t} ticketId={ids?.ticketId ?? null} sla={state} retryInSeconds={retryInSeconds} onRetry={retryNow} />
  );
}
