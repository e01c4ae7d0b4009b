import { SignJWT } from 'jose';
import pino from 'pino';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import type { Account, SlaStore } from '../../../../src/server/store/sla-store';
import { createTestAccount, useTestStore, type TestDialect } from '../../../support/test-database';

export const APP_SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';
export const API_NOW = Date.parse('2026-03-02T09:30:00Z');

export interface AppApi {
  store(): SlaStore;
  app(): HttpServer;
  /** An account whose app JWTs this server accepts. */
  newAccount(): Promise<Account>;
  /** A request as the account's agent `userId`, signed as Zendesk's proxy signs it. */
  call(account: Account, method: InjectOptions['method'], url: string, body?: unknown, userId?: string): Promise<LightMyRequestResponse>;
}

/** The server on a fresh database of `dialect`, for the enclosing describe block; the clock stands at API_NOW. */
export function useAppApi(dialect: TestDialect): AppApi {
  const store = useTestStore(dialect);
  let server: HttpServer | null = null;
  beforeAll(async () => {
    const config = loadConfig({});
    if (!config.ok) throw new Error('config');
    server = await buildHttpServer({ config: config.value, store: store(), clock: { now: () => API_NOW }, log: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await server?.close();
  });
  const app = (): HttpServer => {
    if (!server) throw new Error('the server is built in beforeAll');
    return server;
  };
  return {
    store,
    app,
    newAccount: () => createTestAccount(store(), { appSharedSecret: APP_SECRET }),
    async call(account, method, url, body, userId = '7') {
      const jwt = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(account.subdomain)
        .setSubject(userId)
        .setExpirationTime(Math.floor(API_NOW / 1000) + 300)
        .sign(new TextEncoder().encode(APP_SECRET));
      // As Zendesk's proxy sends the app's requests: JSON content type on every one, bodiless DELETEs included.
      const headers = { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' };
      return app().inject({ method, url, headers, ...(body !== undefined ? { payload: JSON.stringify(body) } : {}) });
    },
  };
}
