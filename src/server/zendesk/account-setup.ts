import type { Logger } from 'pino';
import { notificationSettingsOf } from '../notifications/notification-settings';
import type { Account, SlaStore, ZendeskSetup } from '../store/sla-store';
import type { ZendeskClient } from './zendesk-client';
import { isZendeskError } from './zendesk-errors';
import { triggerMatches } from './notification-triggers';
import { syncBudgetTriggers } from './objective-alert-triggers';
import { syncNotificationTriggers } from './sync-notification-triggers';

/** The trigger that tells the server about every ticket change; found by this title, so setup never adds a second. */
export const NOTIFY_TRIGGER_TITLE = 'SLA: notify server';
const WEBHOOK_REQUIREMENT = 'sla_server';

export interface SetupInput {
  readonly store: SlaStore;
  readonly client: ZendeskClient;
  readonly account: Account;
  /** The app's installation in this account, whose requirements created our fields, webhook and email triggers. */
  readonly installationId: string;
  /** Where Zendesk reaches this server. */
  readonly publicUrl: string;
  /** requirements.json, to recreate what an admin deleted. */
  readonly requirements: Requirements;
  readonly now: number;
  readonly log: Pick<Logger, 'info' | 'warn'>;
}

export interface Requirements {
  readonly ticket_fields?: Readonly<Record<string, Record<string, unknown>>>;
  readonly webhooks?: Readonly<Record<string, Record<string, unknown>>>;
  readonly triggers?: Readonly<Record<string, Record<string, unknown>>>;
}

/**
 * Connects an account's Zendesk to this server, idempotently (run at every start; running it again changes
 * nothing, and it repairs what an admin deleted): finds the app's fields, webhook and email triggers through the
 * installation's requirements (recreating any that are gone), points the webhook at this server and stores its
 * signing secret, and creates or updates the "SLA: notify server" trigger that calls it on every ticket change.
 *
 * No loop guard on that trigger: our own write-backs call the webhook too, and the worker then finds nothing new
 * and writes nothing, which ends it. A `via` condition would also silence other API integrations' changes.
 */
export async function setUpAccount(input: SetupInput): Promise<ZendeskSetup> {
  const { client, requirements } = input;
  const listed = await client.listRequirements(input.installationId);
  // What an earlier run recreated is known by the id it stored; the installation still names the deleted one.
  const stored = input.account.zendeskSetup?.installationId === input.installationId ? input.account.zendeskSetup : null;
  const idOf = (type: string, identifier: string) => listed.find((r) => r.requirement_type === type && r.identifier === identifier)?.requirement_id ?? null;

  const fieldIds: Record<string, string> = {};
  for (const [identifier, definition] of Object.entries(requirements.ticket_fields ?? {})) {
    fieldIds[identifier] = await ensure(stored?.fieldIds[identifier] ?? idOf('ticket_fields', identifier), (id) => client.getTicketField(id).then((f) => f.id), () => client.createTicketField(definition).then((f) => f.id), input.log, `ticket field ${identifier}`);
  }
  const webhookDefinition = requirements.webhooks?.[WEBHOOK_REQUIREMENT] ?? {};
  const webhookId = await ensure(stored?.webhookId ?? idOf('webhooks', WEBHOOK_REQUIREMENT), (id) => client.getWebhook(id).then((w) => w.id), () => client.createWebhook(webhookDefinition).then((w) => w.id), input.log, 'webhook');
  await client.patchWebhook(webhookId, { endpoint: `${input.publicUrl}/zendesk/webhooks/${input.account.id}`, status: 'active' });
  await input.store.saveWebhookSecret(input.account.id, await client.getSigningSecret(webhookId));

  const emailTriggerIds: Record<string, string> = {};
  for (const [identifier, definition] of Object.entries(requirements.triggers ?? {})) {
    emailTriggerIds[identifier] = await ensure(stored?.emailTriggerIds[identifier] ?? idOf('triggers', identifier), (id) => client.getTrigger(id).then((t) => t.id), () => client.createTrigger(definition).then((t) => t.id), input.log, `trigger ${identifier}`);
  }
  const notifyTriggerId = await ensureNotifyTrigger(client, webhookId);
  const apiUserId = (await client.getCurrentUser()).id;
  const setup: ZendeskSetup = { installationId: input.installationId, fieldIds, webhookId, notifyTriggerId, emailTriggerIds, apiUserId, checkedAt: input.now };
  await input.store.saveZendeskSetup(input.account.id, setup);
  // Last, so the pipeline can write even while the email triggers cannot be synced (the next run retries).
  const settings = notificationSettingsOf(await input.store.getNotificationSettings(input.account.id));
  const synced = await syncNotificationTriggers({ client, setup, settings, log: input.log });
  const withTriggers = { ...setup, emailTriggerIds: synced.emailTriggerIds };
  await input.store.saveZendeskSetup(input.account.id, withTriggers);
  // The objectives' budget alert triggers (issue #6), repaired here like the email triggers; a failure waits for
  // the next run rather than failing the setup the pipeline needs.
  try {
    await syncBudgetTriggers({ client, store: input.store, accountId: input.account.id, log: input.log });
  } catch (error) {
    input.log.warn({ err: error, accountId: input.account.id }, 'budget alert triggers not synced; the next setup run retries');
  }
  return withTriggers;
}

/** The resource's id if it still exists, else a new one made from its requirement (an admin deleted it). */
async function ensure(
  id: string | null,
  check: (id: string) => Promise<string>,
  create: () => Promise<string>,
  log: Pick<Logger, 'warn'>,
  what: string,
): Promise<string> {
  if (id !== null) {
    try {
      return await check(id);
    } catch (error) {
      if (!isZendeskError(error, 'not_found')) throw error;
    }
  }
  log.warn({ what, formerId: id }, 'app resource missing in Zendesk; recreating it');
  return create();
}

async function ensureNotifyTrigger(client: ZendeskClient, webhookId: string): Promise<string> {
  const trigger = {
    title: NOTIFY_TRIGGER_TITLE,
    active: true,
    conditions: {
      all: [],
      any: [
        { field: 'update_type', operator: 'is', value: 'Create' },
        { field: 'update_type', operator: 'is', value: 'Change' },
      ],
    },
    actions: [
      {
        field: 'notification_webhook',
        value: [webhookId, JSON.stringify({ ticket_id: '{{ticket.id}}', updated_at: '{{ticket.updated_at_with_timestamp}}', updated_by: '{{current_user.id}}', event: 'ticket_changed' })],
      },
    ],
  };
  const ours = async () => (await client.listTriggers()).filter((t) => t.title === NOTIFY_TRIGGER_TITLE).sort((a, b) => Number(a.id) - Number(b.id));
  let found = await ours();
  if (found.length === 0) {
    await client.createTrigger(trigger);
    // Two processes setting up a new account at once may each have made one: look again.
    found = await ours();
  }
  const [kept, ...twins] = found;
  if (!kept) throw new Error(`the "${NOTIFY_TRIGGER_TITLE}" trigger was created but is not listed`);
  // Every process keeps the oldest and deletes the rest, so they agree; a twin would deliver every change twice.
  for (const twin of twins) await client.deleteTrigger(twin.id);
  return triggerMatches(kept, trigger) ? kept.id : (await client.updateTrigger(kept.id, trigger)).id;
}
