import { useEffect, useMemo, useState } from 'react';
import { useTranslate } from '../../i18n/use-translate';
import type { CallResult, LoadState } from '../../load-state';
import { callSlaServer, type SlaServerIdentity } from '../../sla-server/sla-server-api';
import { ticketSlaCall, type TicketSla } from '../../sla-server/ticket-sla';
import { useRetryingCall } from '../../sla-server/use-retrying-call';
import { useAutoResize } from '../../zaf/use-auto-resize';
import { useZafSession } from '../../zaf/use-zaf-client';
import type { ZafTicketAssignee } from '../../zaf/zaf-client';
import type { EntityNames } from './explain-policy';
import { assessAt, compileInputs, previewAt } from './live-sla';
import { agentClockSettings, type SidebarFormat } from './sidebar-format';
import TicketSlaView, { type LiveSla } from './TicketSlaView';
import { useStateAnnouncement } from './use-state-announcement';
import { useTicketDraft } from './use-ticket-draft';
import { useTickingNow } from './use-ticking-now';

interface Agent {
  readonly ticketId: number;
  readonly userId: number;
  readonly zone: string;
  readonly locale: string;
  readonly names: EntityNames;
}

/** An answer and the browser's clock when it came: the difference to `serverNow` corrects the browser's clock. */
interface Received {
  readonly sla: TicketSla;
  readonly offsetMs: number;
}

/**
 * The ticket sidebar's container: asks Zendesk which ticket and agent this is, then our server for the ticket's
 * SLA (retrying while it cannot be reached, keeping the last answer meanwhile), re-assesses it with the core every
 * second at the server's now, and previews the agent's unsaved edits.
 */
export default function TicketSidebar() {
  const { client, context, metadata } = useZafSession();
  const { t, locale } = useTranslate();
  const [agent, setAgent] = useState<Agent | null>(null);
  useAutoResize(client);

  useEffect(() => {
    let current = true;
    // The names only improve the "why" text: failing to read them leaves ids in it, never the sidebar empty.
    const names = client.get(['ticket.assignee', 'ticket.organization']).then(
      (result) => entityNames(result['ticket.assignee'], result['ticket.organization']),
      () => new Map<string, string>(),
    );
    Promise.all([client.get(['ticket.id', 'currentUser']), names]).then(([result, names]) => {
      const ticketId = result['ticket.id'];
      const user = result.currentUser;
      if (!current || ticketId === undefined || user === undefined) return;
      setAgent({ ticketId, userId: user.id, ...agentClockSettings(user, locale), names });
    }, (cause: unknown) => console.error('[SLA Clock] Zendesk did not say which ticket and agent this is', cause));
    return () => {
      current = false;
    };
  }, [client, locale]);

  const serverUrl = typeof metadata.settings.serverUrl === 'string' ? metadata.settings.serverUrl : '';
  const call = useMemo(() => {
    if (!agent) return null;
    const identity: SlaServerIdentity = { serverUrl, subdomain: context.account.subdomain, userId: agent.userId };
    return async (): Promise<CallResult<Received>> => {
      const result = await callSlaServer(client, identity, ticketSlaCall(agent.ticketId));
      return result.ok ? { ok: true, value: { sla: result.value, offsetMs: result.value.serverNow - Date.now() } } : result;
    };
  }, [client, context.account.subdomain, serverUrl, agent]);
  const { state, retryInSeconds, retryNow } = useRetryingCall(call);
  const known = useLastKnown(state);
  const patch = useTicketDraft(client, retryNow);

  const inputs = useMemo(() => (known?.sla.inputs ? compileInputs(known.sla.inputs) : null), [known]);
  const now = useTickingNow(known?.offsetMs ?? 0);
  const live = useMemo<LiveSla | null>(() => {
    if (!known) return null;
    if (!inputs) return { assessment: null, preview: null };
    return { assessment: assessAt(inputs, now), preview: previewAt(inputs, now, patch) };
  }, [known, inputs, now, patch]);
  const announcement = useStateAnnouncement(live?.assessment ?? null, t);

  const format: SidebarFormat = { t, locale: agent?.locale ?? locale, zone: agent?.zone ?? 'UTC', now };
  const sla: LoadState<LiveSla> = live ? { status: 'ready', value: live } : state.status === 'failed' ? state : { status: 'loading' };
  return (
    <TicketSlaView
      format={format}
      ticketId={agent?.ticketId ?? null}
      sla={sla}
      refreshError={live && state.status === 'failed' ? state.error : null}
      retryInSeconds={retryInSeconds}
      onRetry={retryNow}
      announcement={announcement}
      names={agent?.names}
    />
  );
}

/** The names of the ticket's own group, assignee and organization, which are what a condition that held named. */
function entityNames(assignee: ZafTicketAssignee | undefined, organization: { id: number; name: string } | null | undefined): EntityNames {
  const names = new Map<string, string>();
  if (assignee?.group) names.set(`group_id:${assignee.group.id}`, assignee.group.name);
  if (assignee?.user) names.set(`assignee_id:${assignee.user.id}`, assignee.user.name);
  if (organization) names.set(`organization_id:${organization.id}`, organization.name);
  return names;
}

/** The last answer that came, kept while later calls fail: the agent keeps a countdown, marked as possibly stale. */
function useLastKnown(state: LoadState<Received>): Received | null {
  const [known, setKnown] = useState<Received | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setKnown(state.value);
  }, [state]);
  return known;
}
