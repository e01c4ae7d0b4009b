import type { HostTicket } from '../zaf-host/host-model';

export type CommentMode = 'public' | 'internal' | 'requester';

export interface TicketSubmission {
  /** The ticket's updated_at when the page loaded it: the desk saves with safe_update, as Zendesk's UI does. */
  readonly updatedStamp: string;
  readonly changes: Record<string, unknown>;
  readonly comment: { readonly body: string; readonly mode: CommentMode } | null;
}

/** The parts of the ticket page the desk server renders again after a change. */
export interface TicketView {
  readonly ticket: HostTicket;
  /** A fingerprint of the ticket as the API shows it (pages/ticket-version.ts). */
  readonly version: string;
  /** The ticket's tags, space-separated, as the Tags field shows them. */
  readonly tags: string;
  readonly conversationHtml: string;
  readonly slaStatusHtml: string;
  readonly slaDueHtml: string;
}

/** What the desk server answers a submit with. */
export type SubmitOutcome = ({ readonly ok: true } & TicketView) | { readonly ok: false; readonly message: string };

/** `GET /tickets/:id/view?since=<version>`: nothing when the ticket is as the page shows it. */
export type TicketRefresh = ({ readonly changed: true } & TicketView) | { readonly changed: false };

/** Asks the desk server whether the ticket changed since `since`; null when it cannot tell (the page keeps what it has). */
export async function refreshTicket(ticketId: number, since: string): Promise<TicketRefresh | null> {
  try {
    const response = await fetch(`/tickets/${ticketId}/view?since=${encodeURIComponent(since)}`);
    return response.ok ? ((await response.json()) as TicketRefresh) : null;
  } catch {
    return null;
  }
}

/** Posts the agent's changes to the desk server, which updates the ticket in Zendesk (the emulator). */
export async function submitTicket(ticketId: number, submission: TicketSubmission): Promise<SubmitOutcome> {
  try {
    const response = await fetch(`/tickets/${ticketId}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submission),
    });
    return (await response.json()) as SubmitOutcome;
  } catch (cause) {
    return { ok: false, message: `The desk did not answer: ${String(cause)}` };
  }
}
