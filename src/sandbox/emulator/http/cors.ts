import type { FastifyInstance } from 'fastify';

/**
 * Zendesk sends CORS headers only to OAuth-authenticated requests (Bearer), and not on 403 or 429 answers, so a
 * browser page can call the API with an OAuth token but not with an API token
 * (developer.zendesk.com, "Making client-side CORS requests to the Ticketing API"). Preflights are answered for
 * any origin; whether the real request may be read is decided by its own headers.
 */
export function installCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'OPTIONS' || !request.url.startsWith('/api/v2/') || !request.headers.origin) return;
    return reply
      .code(204)
      .headers({
        'access-control-allow-origin': request.headers.origin,
        'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
        'access-control-allow-headers': 'Authorization, Content-Type, Accept',
        'access-control-max-age': '86400',
      })
      .send();
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const origin = request.headers.origin;
    const bearer = /^bearer\s/i.test(request.headers.authorization ?? '');
    if (origin && bearer && request.url.startsWith('/api/v2/') && ![403, 429].includes(reply.statusCode)) {
      reply.header('access-control-allow-origin', origin);
    }
    return payload;
  });
}
