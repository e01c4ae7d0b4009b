import type { HostTicket } from '../zaf-host/host-model';

export type CommentMode = 'public' | 'internal' | 'requester';

export interface TicketSubmission {
  /** The ticket's updated_at when the page loaded it: the desk saves with safe_update, as Zendesk's UI does. */
  readonly updatedStamp: string;
  readonly changes: Record<string, unknown>;
  readonly comment: { readonly body: string; readonly mode: CommentMode } | null;
}

/** What the desk server answers a submit with. */
export type SubmitOutcome =
  | { readonly ok: true; readonly ticket: HostTicket; readonly conversationHtml: string; readonly slaStatusHtml: string; readonly slaDueHtml: string }
  | { readonly ok: false; readonly message: string };

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
