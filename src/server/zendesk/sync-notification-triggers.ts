import type { Logger } from 'pino';
import type { NotificationSettings } from '../notifications/notification-settings';
import type { ZendeskSetup } from '../store/sla-store';
import type { ZendeskClient } from './zendesk-client';
import type { ZendeskTrigger } from './zendesk-json';
import {
  ADDRESSES_TRIGGER_KEY,
  ADDRESSES_TRIGGER_TITLE,
  desiredNotificationTriggers,
  templateLocaleOf,
  triggerMatches,
  type EmailTriggerKey,
} from './notification-triggers';

export interface TriggerSyncInput {
  readonly client: ZendeskClient;
  readonly setup: Pick<ZendeskSetup, 'emailTriggerIds'>;
  readonly settings: NotificationSettings;
  readonly log: Pick<Logger, 'info' | 'warn'>;
}

export interface TriggerSyncResult {
  /** The setup's ids plus the addresses trigger's, once it exists. */
  readonly emailTriggerIds: Readonly<Record<string, string>>;
  /** Triggers created or updated; empty when Zendesk already matched the settings. */
  readonly written: readonly EmailTriggerKey[];
  /** App triggers an admin deleted: the setup step recreates them, and the next sync sets them. */
  readonly missing: readonly EmailTriggerKey[];
}

/**
 * Makes Zendesk's email triggers say what the notification settings say: who is mailed (each audience's trigger
 * on or off), which fixed addresses, and the texts. Writes only the triggers that differ, so running it again
 * changes nothing. Fixed addresses become Zendesk end users (found by email, created if none), because a trigger
 * can only mail users and groups (the email targets it once had are gone).
 */
export async function syncNotificationTriggers({ client, setup, settings, log }: TriggerSyncInput): Promise<TriggerSyncResult> {
  const triggers = await client.listTriggers();
  const byId = new Map(triggers.map((t) => [t.id, t]));
  const current = (key: EmailTriggerKey): ZendeskTrigger | undefined => {
    const known = setup.emailTriggerIds[key];
    const found = known === undefined ? undefined : byId.get(known);
    return found ?? (key === ADDRESSES_TRIGGER_KEY ? triggers.find((t) => t.title === ADDRESSES_TRIGGER_TITLE) : undefined);
  };
  const locale = templateLocaleOf((await client.getCurrentUser()).locale);
  const addresses = [...settings.outOfSla.addresses, ...settings.dueSoon.addresses];
  const mailed = [current(ADDRESSES_TRIGGER_KEY), current('sla_due_soon_notify_assignee')].filter((t) => t !== undefined);
  const addressUserIds = await addressUsers(client, addresses, mailed, log);
  const desired = desiredNotificationTriggers({ settings, locale, addressUserIds });

  const ids: Record<string, string> = { ...setup.emailTriggerIds };
  const written: EmailTriggerKey[] = [];
  const missing: EmailTriggerKey[] = [];
  for (const [key, definition] of desired) {
    const trigger = current(key);
    if (trigger === undefined) {
      if (key !== ADDRESSES_TRIGGER_KEY) missing.push(key);
      else if (definition.active) {
        ids[key] = (await client.createTrigger({ ...definition })).id;
        written.push(key);
      }
      continue;
    }
    ids[key] = trigger.id;
    if (triggerMatches(trigger, definition)) continue;
    await client.updateTrigger(trigger.id, { ...definition });
    written.push(key);
  }
  // Two syncs at once (a save during the hourly setup) can each create the addresses trigger: one is kept, and
  // the other is switched off here so that nobody is mailed twice.
  for (const twin of triggers.filter((t) => t.title === ADDRESSES_TRIGGER_TITLE && t.id !== ids[ADDRESSES_TRIGGER_KEY] && t.active)) {
    await client.updateTrigger(twin.id, { active: false });
    log.warn({ triggerId: twin.id }, 'second addresses trigger switched off');
  }
  if (written.length > 0) log.info({ written, locale }, 'email triggers synced with the notification settings');
  if (missing.length > 0) log.warn({ missing }, 'email triggers missing in Zendesk; the setup step recreates them');
  return { emailTriggerIds: ids, written, missing };
}

/**
 * Zendesk user id by address (lower case). Users our triggers already mail are looked up by id first (one call,
 * and no reliance on the search index, which lags a new user by seconds); the rest by search, then created.
 */
export async function addressUsers(
  client: ZendeskClient,
  addresses: readonly string[],
  triggers: readonly ZendeskTrigger[],
  log: Pick<Logger, 'info'>,
): Promise<Map<string, string>> {
  const wanted = new Set(addresses.map((a) => a.toLowerCase()));
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;
  const mailedIds = triggers.flatMap((t) => t.actions).flatMap((a) => (a.field === 'notification_user' && Array.isArray(a.value) && /^\d+$/.test(String(a.value[0])) ? [String(a.value[0])] : []));
  if (mailedIds.length > 0) {
    for (const user of await client.showUsers([...new Set(mailedIds)])) {
      const email = user.email?.toLowerCase();
      if (email && wanted.has(email)) ids.set(email, user.id);
    }
  }
  for (const address of wanted) {
    if (ids.has(address)) continue;
    // verified: Zendesk would otherwise mail the address a verification request.
    const found = (await client.findUsersByEmail(address))[0] ?? (await client.createUser({ name: address, email: address, role: 'end-user', verified: true }));
    ids.set(address, found.id);
    log.info({ userId: found.id }, 'notification address linked to a Zendesk user');
  }
  return ids;
}
