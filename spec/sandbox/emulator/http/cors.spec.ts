import { anEmulator, tokenAuth, type TestEmulator } from '../support/emulator-fixture';

describe('CORS', () => {
  let zendesk: TestEmulator;
  beforeEach(async () => {
    zendesk = await anEmulator();
    zendesk.admin.addOAuthToken('oauth-token', 10001);
  });
  afterEach(() => zendesk.close());

  const get = (auth: string) =>
    fetch(`${zendesk.url}/api/v2/users/me`, { headers: { authorization: auth, origin: 'http://localhost:4567' } });

  it('answers preflights without authentication', async () => {
    const response = await fetch(`${zendesk.url}/api/v2/tickets`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:4567', 'access-control-request-method': 'PUT' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:4567');
    expect(response.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('lets a browser read OAuth answers but not API-token answers, as Zendesk does', async () => {
    expect((await get('Bearer oauth-token')).headers.get('access-control-allow-origin')).toBe('http://localhost:4567');
    expect((await get(tokenAuth())).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('sends no CORS header on a 429', async () => {
    zendesk.admin.injectRequestFaults({ fault: { kind: 'status', status: 429, retryAfterSeconds: 1 }, count: 1 });
    const response = await get('Bearer oauth-token');
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
