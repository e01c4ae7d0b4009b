import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DUE_SOON_TAG, outTag } from '../../pipeline/managed-tags';
import { TEST_NOTIFICATION_TAG } from '../../pipeline/process-ticket';
import { notificationSettingsOf } from '../../notifications/notification-settings';
import type { ZendeskClient } from '../../zendesk/zendesk-client';
import { ZendeskClients } from '../../zendesk/zendesk-clients';
import { isZendeskError, ZendeskError } from '../../zendesk/zendesk-errors';
import type { ZendeskAudit } from '../../zendesk/zendesk-json';
import { appAuthHook, appCallerOf, type AppCaller } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';
import { parseBody } from '../request-body';
import { syncAfterSave } from './notification-settings-sync';

export const notificationTestSchema = z.object({ kind: z.enum(['out_of_sla', 'due_soon']) });
export type NotificationTestKind = z.infer<typeof notificationTestSchema>['kind'];

/** The tag each kind's triggers fire on (requirements.json): any `sla_out_<metric>` for Out of SLA. */
const FIRING_TAG: Readonly<Record<NotificationTestKind, string>> = { out_of_sla: outTag('first_reply_time'), due_soon: DUE_SOON_TAG };

/**
 * A fixed English marker, not translated: the ticket lives for a moment, and the server does not know the
 * admin's language. The triggers' mail texts (the saved settings) are what the admin wants to see, and those are
 * translated.
 */
const SUBJECT: Readonly<Record<NotificationTestKind, string>> = {
  out_of_sla: '[SLA Clock test] Out of SLA notification',
  due_soon: '[SLA Clock test] Due soon notification',
};
const COMMENT =
  'This ticket was created by the SLA Clock app to test its email notifications (an admin pressed "Send a test"). ' +
  'It carries the tag that makes the notification triggers send, and is deleted right away. Nothing needs to be done.';

export interface NotificationTestAnswer {
  readonly ticketId: string;
  /** The addresses Zendesk says it mailed, when its creation audit names them. */
  readonly recipients?: readonly string[];
}

/**
 * POST /api/notification-settings/test (issue #5): Zendesk has no "send an email" call, so the test is a real
 * ticket that fires the chosen triggers as a breach would. The triggers are synced first, so the mails use the
 * saved settings; the ticket is deleted afterwards, and the pipeline skips it by its marker tag (process-ticket.ts),
 * so it shows in no view, report or breach list.
 */
export async function notificationTestRoutes(app: FastifyInstance, { deps, zendesk }: { deps: HttpDeps; zendesk?: ZendeskClients }) {
  const clients = zendesk ?? new ZendeskClients(deps.clock);
  app.addHook('onRequest', appAuthHook(deps));

  app.post('/api/notification-settings/test', async (request, reply) => {
    const caller = appCallerOf(request);
    const { kind } = parseBody(notificationTestSchema, request.body, 'invalid_notification_test');
    const account = await deps.store.findAccount(caller.accountId);
    if (!account?.zendeskSetup || account.credentials.kind === 'sandbox') {
      throw rejected.conflict('not_connected', 'This account is not connected to Zendesk yet: there are no email triggers to test.');
    }
    const settings = notificationSettingsOf(await deps.store.getNotificationSettings(account.id));
    const sync = await syncAfterSave(deps, clients, account.id, settings);
    if (sync.state === 'pending' && (sync.reason === 'zendesk_unavailable' || sync.reason === 'zendesk_refused')) {
      return unavailable(reply, `Zendesk did not take the email trigger settings, so no test was sent (${sync.message})`);
    }
    const client = clients.for(account);
    try {
      return await sendTest(client, caller, kind);
    } catch (error) {
      if (!isZendeskError(error)) throw error;
      deps.log.warn({ err: error, accountId: account.id, kind }, 'notification test failed');
      return unavailable(reply, `Zendesk failed during the test send: ${error.message.slice(0, 300)}`);
    }
  });
}

function unavailable(reply: FastifyReply, message: string) {
  return reply.code(502).send({ error: { code: 'zendesk_unavailable', message } });
}

async function sendTest(client: ZendeskClient, caller: AppCaller, kind: NotificationTestKind): Promise<NotificationTestAnswer> {
  const agent = caller.userId === null ? null : await findUser(client, caller.userId);
  const requesterId = agent?.id ?? (await client.getCurrentUser()).id;
  const created = await client.createTicket({
    subject: SUBJECT[kind],
    comment: { body: COMMENT, public: false },
    requester_id: Number(requesterId),
    ...(agent && agent.role !== 'end-user' ? { assignee_id: Number(agent.id) } : {}),
    ...(agent?.defaultGroupId ? { group_id: Number(agent.defaultGroupId) } : {}),
    tags: [FIRING_TAG[kind], TEST_NOTIFICATION_TAG],
  });
  const ticketId = created.ticket.id;
  // Deleted before answering: the mails are already sent (the triggers ran on creation).
  try {
    await client.deleteTicket(ticketId);
  } catch (error) {
    if (!isZendeskError(error)) throw error;
    // The pipeline skips the ticket by its tag either way; the admin is told it is still there to delete.
    throw new ZendeskError(error.kind, error.status, `the test was sent, but its ticket #${ticketId} could not be deleted: ${error.message}`);
  }
  const recipientIds = created.audit ? notifiedUserIds(created.audit) : [];
  if (recipientIds.length === 0) return { ticketId };
  const emails = (await client.showUsers(recipientIds)).flatMap((u) => (u.email ? [u.email] : []));
  return emails.length > 0 ? { ticketId, recipients: [...new Set(emails)].sort() } : { ticketId };
}

/** The caller's Zendesk user, or null if Zendesk does not know the id (then the server's own user asks). */
async function findUser(client: ZendeskClient, userId: string) {
  if (!/^\d+$/.test(userId)) return null;
  try {
    return await client.getUser(userId);
  } catch (error) {
    if (isZendeskError(error, 'not_found')) return null;
    throw error;
  }
}

/** Users the creation's Notification events (trigger emails) went to. */
function notifiedUserIds(audit: ZendeskAudit): string[] {
  const ids = audit.events.flatMap((event) => {
    const recipients = (event as { recipients?: unknown }).recipients;
    return event.type === 'Notification' && Array.isArray(recipients) ? recipients.map(String).filter((r) => /^\d+$/.test(r)) : [];
  });
  return [...new Set(ids)];
}
