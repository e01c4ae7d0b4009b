import type { FastifyInstance } from 'fastify';
import { OPENAPI_DOCUMENT } from '../openapi';

/** GET /api/openapi.json: the API's description, without auth (it holds no account data), for tools and the admin UI's developers. */
export async function openApiRoutes(app: FastifyInstance) {
  app.get('/api/openapi.json', async () => OPENAPI_DOCUMENT);
}
