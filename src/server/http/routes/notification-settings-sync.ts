import type { NotificationSettings } from '../../notifications/notification-settings';
import { syncNotificationTriggers } from '../../zendesk/sync-notification-triggers';
import type { ZendeskClients } from '../../zendesk/zendesk-clients';
import { isZendeskError } from '../../zendesk/zendesk-errors';
import type { HttpDeps } from '../http-deps';

/**
 * What became of Zendesk's email triggers after a save. `pending`: the settings are stored, Zendesk does not
 * send by them yet; the hourly setup step syncs them again. `reason` is for the app to word, `message` for people
 * reading the API.
 */
export type TriggerSyncAnswer =
  | { readonly state: 'synced'; readonly triggersWritten: number }
  | { readonly state: 'pending'; readonly reason: 'not_connected' | 'zendesk_unavailable' | 'zendesk_refused' | 'triggers_missing'; readonly message: string };

const RETRY = 'the server tries again within the hour';

/** Syncs the account's email triggers with the settings just saved; a failure is an answer, never an error. */
export async function syncAfterSave(deps: HttpDeps, clients: ZendeskClients, accountId: string, settings: NotificationSettings): Promise<TriggerSyncAnswer> {
  const account = await deps.store.findAccount(accountId);
  const setup = account?.zendeskSetup;
  if (!account || !setup || account.credentials.kind === 'sandbox') {
    return { state: 'pending', reason: 'not_connected', message: 'Saved. This account is not connected to Zendesk yet: its email triggers are set when the server connects it.' };
  }
  try {
    const synced = await syncNotificationTriggers({ client: clients.for(account), setup, settings, log: deps.log });
    if (JSON.stringify(synced.emailTriggerIds) !== JSON.stringify(setup.emailTriggerIds)) {
      await deps.store.saveZendeskSetup(account.id, { ...setup, emailTriggerIds: synced.emailTriggerIds });
    }
    if (synced.missing.length > 0) {
      return { state: 'pending', reason: 'triggers_missing', message: `Saved. The app's email triggers ${synced.missing.join(', ')} were deleted in Zendesk; the server recreates them within the hour.` };
    }
    return { state: 'synced', triggersWritten: synced.written.length };
  } catch (error) {
    deps.log.warn({ err: error, accountId }, 'notification settings saved; email trigger sync failed');
    const detail = error instanceof Error ? error.message.slice(0, 200) : String(error);
    if (isZendeskError(error, 'rate_limited') || isZendeskError(error, 'unavailable')) {
      return { state: 'pending', reason: 'zendesk_unavailable', message: `Saved. Zendesk could not take the email trigger changes now (${detail}); ${RETRY}.` };
    }
    return { state: 'pending', reason: 'zendesk_refused', message: `Saved. Zendesk refused the email trigger changes (${detail}); ${RETRY}.` };
  }
}
