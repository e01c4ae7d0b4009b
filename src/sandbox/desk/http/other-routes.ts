import type { FastifyInstance } from 'fastify';
import type { OutboxMailJson } from '../api/zendesk-json';
import { hostConfig } from '../host/host-config';
import { appBody } from '../pages/app-page';
import { layout } from '../pages/layout';
import { outboxBody } from '../pages/outbox-page';
import type { DeskContext } from './desk-context';
import { originOf } from './ticket-routes';

const HOUR_MS = 3_600_000;

/** The outbox, the app's nav bar page, and the clock buttons. */
export function registerOtherRoutes(app: FastifyInstance, desk: DeskContext): void {
  app.get('/', async (_request, reply) => reply.redirect('/tickets'));

  app.get('/outbox', async (request, reply) => {
    const [{ mails }, { triggers }, agent, clock] = await Promise.all([
      desk.api.get<{ mails: OutboxMailJson[] }>('/__sandbox/outbox'),
      desk.admin.get<{ triggers: { id: number; title: string }[] }>('/triggers'),
      desk.agent(),
      desk.clock(),
    ]);
    const body = outboxBody(mails, new Map(triggers.map((t) => [t.id, t.title])));
    reply.type('text/html; charset=utf-8');
    return layout({ title: 'Outbox', section: 'outbox', agentName: agent.name, clock, path: request.url, body });
  });

  app.get('/apps/sla-clock', async (request, reply) => {
    const [directory, agent, clock] = await Promise.all([desk.directory(), desk.agent(), desk.clock()]);
    const host = desk.app && hostConfig({ app: desk.app, origin: originOf(request), subdomain: desk.subdomain, location: 'nav_bar', agent, directory, nowMs: Date.parse(clock.now) });
    reply.type('text/html; charset=utf-8');
    return layout({ title: 'SLA Clock', section: 'app', agentName: agent.name, clock, path: request.url, body: appBody(host) });
  });

  app.post<{ Body: { step?: string; return_to?: string } }>('/clock', async (request, reply) => {
    const { step, return_to: returnTo } = request.body ?? {};
    const clock = await desk.clock();
    const nowMs = Date.parse(clock.now);
    // "To next breach" stops one second past the due time: at the due instant itself the target is not yet missed.
    const target = step === 'hour' ? nowMs + HOUR_MS : step === 'day' ? nowMs + 24 * HOUR_MS : step === 'next_breach' && clock.nextBreachAt !== null ? clock.nextBreachAt + 1000 : null;
    if (target !== null) await desk.api.post('/__sandbox/clock', { set: new Date(target).toISOString() });
    // Only a path of this desk: an open redirect would let any page send agents anywhere.
    return reply.redirect(returnTo && /^\/(?!\/)/.test(returnTo) ? returnTo : '/tickets', 303);
  });
}
