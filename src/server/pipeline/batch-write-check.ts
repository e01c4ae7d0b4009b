import { DateTime } from 'luxon';
import { snapshotAt, type TicketSnapshot } from '../../core';
import type { Account, ClaimedWriteback } from '../store/sla-store';
import type { ZendeskClient } from '../zendesk/zendesk-client';
import type { PipelineDeps } from './process-ticket';
import { ticketShows } from './sla-writeback';
import { snapshotOfTicket } from './zendesk-history';

/**
 * After an update_many job: notes, for each ticket it wrote that Zendesk now shows exactly as we left it, that the
 * server has seen the ticket up to its new `updated_at`, so the webhook our write causes is assessed from the
 * stored history with no read (what a single safe update learns from its own audit; see noteOwnWrite). Without
 * this, each ticket of a batch costs two reads (the ticket and its audits) when its echo arrives.
 *
 * A job answers no audit, so one show_many read (up to 100 tickets) stands in for it. A ticket counts as ours
 * alone when it shows what we wrote and every input of its SLA (status, priority, type, group, assignee, brand,
 * organization, form, requester, the people's tags and fields) is what its stored history says. The triggers our
 * write fires can change only those (adding a comment is a macro action, not a trigger's), and a change anyone
 * else makes comes with a webhook naming them, which is always read. The job's safe update already proved that
 * nobody changed the ticket between our last read and our write.
 */
export async function noteBatchWrites(deps: Pick<PipelineDeps, 'store' | 'clock' | 'users'>, account: Account, client: ZendeskClient, written: readonly ClaimedWriteback[]): Promise<void> {
  const stamped = written.filter((claim) => claim.desired.updatedStamp);
  if (stamped.length === 0 || !account.zendeskSetup) return;
  const ownFieldIds = new Set(Object.values(account.zendeskSetup.fieldIds));
  const tickets = new Map((await client.showTickets(stamped.map((claim) => claim.ticketId))).map((ticket) => [ticket.id, ticket]));
  const requesters = await deps.users.resolve(account.id, client, [...tickets.values()].flatMap((t) => (t.requester_id ? [t.requester_id] : [])));
  for (const claim of stamped) {
    const ticket = tickets.get(claim.ticketId);
    if (!ticket || !ticketShows(ticket, claim.desired)) continue;
    const history = (await deps.store.listTicketEvents(account.id, claim.ticketId)).map((s) => s.event);
    if (history.length === 0) continue;
    const requesterEmail = ticket.requester_id ? (requesters.get(ticket.requester_id)?.email ?? null) : null;
    if (!sameSlaInputs(snapshotAt(history, deps.clock.now()), snapshotOfTicket(ticket, requesterEmail, ownFieldIds))) continue;
    await deps.store.noteOwnWrite({
      accountId: account.id,
      ticketId: claim.ticketId,
      readAt: DateTime.fromISO(claim.desired.updatedStamp as string, { zone: 'utc' }).toMillis(),
      writtenAt: DateTime.fromISO(ticket.updated_at, { zone: 'utc' }).toMillis(),
    });
  }
}

/** The same ticket for the SLA: every field the core reads (the id and the comments aside). */
export function sameSlaInputs(a: TicketSnapshot, b: TicketSnapshot): boolean {
  const fields = (s: TicketSnapshot) => JSON.stringify(Object.entries(s.customFields).filter(([, value]) => value !== null && value !== '').sort(([x], [y]) => (x < y ? -1 : 1)));
  const tags = (s: TicketSnapshot) => [...s.tags].sort().join(' ');
  return (
    a.status === b.status &&
    a.priority === b.priority &&
    a.type === b.type &&
    a.groupId === b.groupId &&
    a.assigneeId === b.assigneeId &&
    a.brandId === b.brandId &&
    a.organizationId === b.organizationId &&
    a.ticketFormId === b.ticketFormId &&
    a.requesterEmail === b.requesterEmail &&
    a.via === b.via &&
    tags(a) === tags(b) &&
    fields(a) === fields(b)
  );
}
