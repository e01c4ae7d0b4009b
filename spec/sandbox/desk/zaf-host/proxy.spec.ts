import type { IncomingMessage } from 'node:http';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { ZafRequestOptions } from '../../../../src/app/zaf/zaf-client';
import { createZafProxy } from '../../../../src/sandbox/desk/zaf-host/proxy';
import { startTestServer, type TestServer } from '../../../support/browser';

const SECRET = 'proxy-spec-secret';
const NOW_MS = Date.UTC(2026, 10, 20, 10, 0, 0);

interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

describe('createZafProxy', () => {
  let upstream: TestServer;
  const received: Received[] = [];
  beforeAll(async () => {
    upstream = await startTestServer(async (request, response) => {
      let body = '';
      for await (const chunk of request) body += String(chunk);
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-upstream': 'yes' });
      response.end(JSON.stringify({ ok: true }));
    });
  });
  afterAll(() => upstream.close());
  beforeEach(() => (received.length = 0));

  const proxy = () =>
    createZafProxy({ settings: { sharedSecret: SECRET, region: 'eu' }, domainWhitelist: ['127.0.0.1'], now: () => NOW_MS });
  const signed = (overrides: Partial<ZafRequestOptions> = {}): ZafRequestOptions => ({
    url: `${upstream.origin}/api/tickets/42/sla?region={{setting.region}}`,
    type: 'POST',
    contentType: 'application/json',
    data: '{"region":"{{setting.region}}"}',
    secure: true,
    jwt: { algorithm: 'HS256', secret_key: '{{setting.sharedSecret}}', expiry: 300, claims: { iss: 'sandbox', sub: '7' } },
    headers: { Authorization: 'Bearer {{jwt.token}}' },
    ...overrides,
  });

  it('substitutes settings, signs an HS256 JWT with the secure one and forwards the request', async () => {
    const response = await proxy()(signed());
    expect(response).toMatchObject({ status: 200, responseText: '{"ok":true}' });
    expect(response.headers['x-upstream']).toBe('yes');
    const [request] = received;
    expect(request).toMatchObject({ method: 'POST', url: '/api/tickets/42/sla?region=eu', body: '{"region":"eu"}' });
    expect(request?.headers['content-type']).toBe('application/json');
    const token = String(request?.headers.authorization).replace('Bearer ', '');
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const { payload } = await jwtVerify(token, new TextEncoder().encode(SECRET), { currentDate: new Date(NOW_MS) });
    expect(payload).toEqual({ iss: 'sandbox', sub: '7', iat: NOW_MS / 1000, exp: NOW_MS / 1000 + 300 });
  });

  it('leaves placeholders alone in a request that is not secure', async () => {
    await proxy()({ url: `${upstream.origin}/plain?x={{setting.sharedSecret}}`, headers: { 'X-Key': '{{setting.sharedSecret}}' } });
    expect(received[0]?.url).toBe('/plain?x={{setting.sharedSecret}}');
    expect(received[0]?.headers['x-key']).toBe('{{setting.sharedSecret}}');
  });

  it('passes an upstream error status through', async () => {
    expect((await proxy()(signed({ url: `${upstream.origin}/missing`, type: 'GET', data: undefined }))).status).toBe(404);
  });

  it('refuses a secure request to a host outside the domainWhitelist', async () => {
    const response = await proxy()(signed({ url: 'https://elsewhere.example.com/steal' }));
    expect(response.status).toBe(403);
    expect(JSON.parse(response.responseText)).toEqual({
      error: { code: 'domain_not_whitelisted', message: "elsewhere.example.com is not in the manifest's domainWhitelist" },
    });
    expect(received).toEqual([]);
  });

  it('refuses to sign with a setting the installation lacks', async () => {
    const response = await proxy()(signed({ jwt: { algorithm: 'HS256', secret_key: '{{setting.nope}}', expiry: 300, claims: {} } }));
    expect(response.status).toBe(400);
    expect(received).toEqual([]);
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const closed = await startTestServer(() => undefined);
    await closed.close();
    const response = await proxy()(signed({ url: `${closed.origin}/api` }));
    expect(response.status).toBe(502);
    expect(JSON.parse(response.responseText).error.code).toBe('upstream_unreachable');
  });

  describe('relative Zendesk API urls', () => {
    const AGENT = 'Basic YWdlbnQ=';
    const withAccount = () =>
      createZafProxy({
        settings: { sharedSecret: SECRET },
        domainWhitelist: ['127.0.0.1'],
        account: { baseUrl: upstream.origin, authorization: AGENT },
        now: () => NOW_MS,
      });

    it("runs /api/v2/... against the account as the signed-in agent, the agent's authorization replacing the app's", async () => {
      const response = await withAccount()({ url: '/api/v2/groups.json?per_page=100', type: 'GET', headers: { Authorization: 'Bearer app' } });
      expect(response).toMatchObject({ status: 200, responseText: '{"ok":true}' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ method: 'GET', url: '/api/v2/groups.json?per_page=100' });
      expect(received[0]?.headers.authorization).toBe(AGENT);
    });

    it('sends the body and content type of a write', async () => {
      await withAccount()({ url: '/api/v2/tickets/7.json', type: 'PUT', contentType: 'application/json', data: '{"ticket":{}}' });
      expect(received[0]).toMatchObject({ method: 'PUT', url: '/api/v2/tickets/7.json', body: '{"ticket":{}}' });
      expect(received[0]?.headers['content-type']).toBe('application/json');
    });

    it.each([
      ['a relative path outside /api/v2', '/__sandbox/clock'],
      ['a path walking out of /api/v2', '/api/v2/../../__sandbox/clock'],
      ['an encoded walk out of /api/v2', '/api/v2/%2e%2e/%2e%2e/__sandbox/clock'],
      ['a protocol-relative url', '//elsewhere.example.com/api/v2/groups.json'],
      ['a path without a leading slash', 'api/v2/groups.json'],
    ])('refuses %s as invalid_url', async (_name, url) => {
      const response = await withAccount()({ url });
      expect(response.status).toBe(400);
      expect(JSON.parse(response.responseText).error.code).toBe('invalid_url');
      expect(received).toEqual([]);
    });

    it('refuses a secure relative url: secure settings go only to whitelisted hosts', async () => {
      const response = await withAccount()({ url: '/api/v2/groups.json?key={{setting.sharedSecret}}', secure: true });
      expect(response.status).toBe(400);
      expect(received).toEqual([]);
    });

    it('refuses relative urls when the proxy knows no account', async () => {
      expect((await proxy()({ url: '/api/v2/groups.json' })).status).toBe(400);
      expect(received).toEqual([]);
    });

    it('still signs secure requests for the server', async () => {
      const response = await withAccount()(signed());
      expect(response.status).toBe(200);
      expect(String(received[0]?.headers.authorization)).toMatch(/^Bearer ey/);
    });
  });
});
