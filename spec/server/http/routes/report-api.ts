import { SignJWT } from 'jose';
import pino from 'pino';
import { loadConfig } from '../../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../../src/server/http/build-http-server';
import type { Account, SlaStore } from '../../../../src/server/store/sla-store';

export const APP_SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';

/** The HTTP server over a test store at a fixed `now`, and a signed GET/POST/PUT/DELETE as an app caller would. */
export async function reportApi(store: SlaStore, now: number) {
  const config = loadConfig({});
  if (!config.ok) throw new Error('config');
  const app: HttpServer = await buildHttpServer({ config: config.value, store, clock: { now: () => now }, log: pino({ level: 'silent' }) });
  async function call(account: Account, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
    const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuer(account.subdomain).setSubject('7').setExpirationTime(Math.floor(now / 1000) + 300).sign(new TextEncoder().encode(APP_SECRET));
    return app.inject({ method, url, headers: { authorization: `Bearer ${jwt}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
  }
  return { app, call };
}
