import type { FastifyInstance } from 'fastify';
import { notificationSettingsOf, notificationSettingsSchema } from '../../notifications/notification-settings';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { parseBody } from '../request-body';
import { ZendeskClients } from '../../zendesk/zendesk-clients';
import { syncAfterSave } from './notification-settings-sync';

/**
 * /api/notification-settings: who is emailed when a ticket is out of SLA or due soon, and the email texts per
 * locale. GET answers the defaults until something is saved; PUT replaces the whole document (parts left out take
 * their defaults), syncs Zendesk's email triggers with it, and answers `{settings, triggerSync}`: the settings as
 * stored, and whether Zendesk has them (if not, they are saved anyway and the hourly setup step syncs them).
 */
export async function notificationSettingsRoutes(app: FastifyInstance, { deps, zendesk }: { deps: HttpDeps; zendesk?: ZendeskClients }) {
  const clients = zendesk ?? new ZendeskClients(deps.clock);
  app.addHook('onRequest', appAuthHook(deps));

  app.get('/api/notification-settings', async (request) => {
    return notificationSettingsOf(await deps.store.getNotificationSettings(appCallerOf(request).accountId));
  });

  app.put('/api/notification-settings', async (request) => {
    const { accountId } = appCallerOf(request);
    const settings = parseBody(notificationSettingsSchema, request.body, 'invalid_notification_settings');
    await deps.store.saveNotificationSettings({ accountId, settings, now: deps.clock.now() });
    return { settings, triggerSync: await syncAfterSave(deps, clients, accountId, settings) };
  });
}
