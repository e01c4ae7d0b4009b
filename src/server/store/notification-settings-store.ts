import type { JsonObject, NotificationSettingsStore } from './sla-store';
import type { StoreContext } from './store-context';

export function notificationSettingsStore({ db }: StoreContext): NotificationSettingsStore {
  return {
    async getNotificationSettings(accountId) {
      const row = await db
        .selectFrom('notification_settings')
        .select('settings')
        .where('account_id', '=', accountId)
        .executeTakeFirst();
      return row ? (JSON.parse(row.settings) as JsonObject) : null;
    },
    async saveNotificationSettings({ accountId, settings, now }) {
      const json = JSON.stringify(settings);
      await db
        .insertInto('notification_settings')
        .values({ account_id: accountId, settings: json, updated_at: now })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ settings: json, updated_at: now }))
        .execute();
    },
  };
}
