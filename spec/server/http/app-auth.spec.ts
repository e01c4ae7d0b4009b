import { SignJWT } from 'jose';
import pino from 'pino';
import { loadConfig } from '../../../src/server/config';
import { buildHttpServer, type HttpServer } from '../../../src/server/http/build-http-server';
import type { Account } from '../../../src/server/store/sla-store';
import { createTestAccount, openTestStore, type TestStore } from '../../support/test-database';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const SECRET = 'app-shared-secret-that-is-long-enough-for-hs256';

/** What Zendesk's proxy sends for the app (src/app/sla-server/sla-server-api.ts): iss = subdomain, sub = user. */
function token(account: Account, overrides: { secret?: string; iss?: string; expiresAt?: number | null; alg?: string } = {}) {
  let jwt = new SignJWT({ role: 'admin' })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256' })
    .setIssuer(overrides.iss ?? account.subdomain)
    .setSubject('1001')
    .setIssuedAt(Math.floor(NOW / 1000));
  if (overrides.expiresAt !== null) jwt = jwt.setExpirationTime(Math.floor((overrides.expiresAt ?? NOW + 300_000) / 1000));
  return jwt.sign(new TextEncoder().encode(overrides.secret ?? SECRET));
}

describe('app API authentication', () => {
  let t: TestStore;
  let app: HttpServer;
  let account: Account;
  beforeAll(async () => {
    t = await openTestStore('sqlite');
    const config = loadConfig({});
    if (!config.ok) throw new Error('config');
    app = await buildHttpServer({ config: config.value, store: t.store, clock: { now: () => NOW }, log: pino({ level: 'silent' }) });
    account = await createTestAccount(t.store, { appSharedSecret: SECRET });
  });
  afterAll(async () => {
    await app.close();
    await t.destroy();
  });

  const get = (authorization?: string) =>
    app.inject({ method: 'GET', url: '/api/tickets/42/sla', headers: authorization ? { authorization } : {} });

  it('accepts a token the proxy signed with the account secret', async () => {
    const response = await get(`Bearer ${await token(account)}`);
    expect(response.statusCode).toBe(200);
  });

  it('accepts a token that expired within the 30 s clock tolerance', async () => {
    expect((await get(`Bearer ${await token(account, { expiresAt: NOW - 20_000 })}`)).statusCode).toBe(200);
  });

  it.each([
    ['no Authorization header', async () => undefined, 'missing_token'],
    ['a token that is not a JWT', async () => 'Bearer abc.def', 'invalid_token'],
    ['a token signed with another secret', async (a: Account) => `Bearer ${await token(a, { secret: 'x'.repeat(40) })}`, 'invalid_token'],
    ['an expired token', async (a: Account) => `Bearer ${await token(a, { expiresAt: NOW - 60_000 })}`, 'invalid_token'],
    ['a token without exp', async (a: Account) => `Bearer ${await token(a, { expiresAt: null })}`, 'invalid_token'],
    ['a token from an unknown subdomain', async (a: Account) => `Bearer ${await token(a, { iss: 'nobody' })}`, 'invalid_token'],
    ['an HS512 token', async (a: Account) => `Bearer ${await token(a, { alg: 'HS512' })}`, 'invalid_token'],
  ])('refuses %s with 401', async (_what, authorization, code) => {
    const response = await get(await authorization(account));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: { code, message: expect.any(String) } });
  });

  it("refuses a token for another account signed with this account's secret", async () => {
    const other = await createTestAccount(t.store, { appSharedSecret: 'another-secret-that-is-long-enough-for-hs256' });
    const response = await get(`Bearer ${await token(account, { iss: other.subdomain })}`);
    expect(response.statusCode).toBe(401);
  });
});
