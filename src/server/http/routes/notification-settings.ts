import type { FastifyInstance } from 'fastify';
import { notificationSettingsOf, notificationSettingsSchema } from '../../notifications/notification-settings';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { parseBody } from '../request-body';

/**
 * /api/notification-settings: who is emailed when a ticket is out of SLA or due soon, and the email texts per
 * locale. GET answers the defaults until something is saved; PUT replaces the whole document (parts left out take
 * their defaults) and answers it as stored. Syncing it into Zendesk's triggers is the setup step's job.
 */
export async function notificationSettingsRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.get('/api/notification-settings', async (request) => {
    return notificationSettingsOf(await deps.store.getNotificationSettings(appCallerOf(request).accountId));
  });

  app.put('/api/notification-settings', async (request) => {
    const { accountId } = appCallerOf(request);
    const settings = parseBody(notificationSettingsSchema, request.body, 'invalid_notification_settings');
    await deps.store.saveNotificationSettings({ accountId, settings, now: deps.clock.now() });
    return settings;
  });
}
