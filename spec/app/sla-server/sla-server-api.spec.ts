import { callSlaServer, slaServerRequestOptions, type SlaServerCall } from '../../../src/app/sla-server/sla-server-api';
import type { ZafClient, ZafRequestOptions } from '../../../src/app/zaf/zaf-client';

const identity = { serverUrl: 'https://sla.example.com/', subdomain: 'acme', userId: 7 };
const call: SlaServerCall<{ n: number }> = {
  method: 'POST',
  path: '/api/things',
  body: { name: 'x' },
  parse: (body) => (typeof (body as { n?: unknown })?.n === 'number' ? { ok: true, value: body as { n: number } } : { ok: false, detail: 'no n' }),
};

/** A ZafClient whose request() answers with `answer` (or rejects with it), recording the options. */
function aClient(answer: { resolve: unknown } | { reject: unknown }) {
  const requests: ZafRequestOptions[] = [];
  const client = {
    request: (options: ZafRequestOptions) => {
      requests.push(options);
      return 'resolve' in answer ? Promise.resolve(answer.resolve) : Promise.reject(answer.reject);
    },
  } as unknown as ZafClient;
  return { client, requests };
}

describe('slaServerRequestOptions', () => {
  it('asks Zendesk’s proxy to sign a 5-minute HS256 JWT with the secure setting and put it in the header', () => {
    expect(slaServerRequestOptions(identity, call)).toEqual({
      url: 'https://sla.example.com/api/things',
      type: 'POST',
      contentType: 'application/json',
      data: '{"name":"x"}',
      secure: true,
      jwt: { algorithm: 'HS256', secret_key: '{{setting.sharedSecret}}', expiry: 300, claims: { iss: 'acme', sub: '7' } },
      headers: { Authorization: 'Bearer {{jwt.token}}' },
      httpCompleteResponse: true,
    });
  });

  it('sends no body, and no JSON content type, with a GET or a bodiless DELETE', () => {
    for (const method of ['GET', 'DELETE'] as const) {
      const options = slaServerRequestOptions(identity, { ...call, method, body: undefined });
      expect(options).not.toHaveProperty('data');
      expect(options).not.toHaveProperty('contentType');
    }
  });
});

describe('callSlaServer', () => {
  it('returns the parsed body of a 2xx', async () => {
    const { client } = aClient({ resolve: { status: 200, responseJSON: { n: 3 } } });
    expect(await callSlaServer(client, identity, call)).toEqual({ ok: true, value: { n: 3 } });
  });

  it('parses responseText when the proxy gave no responseJSON', async () => {
    const { client } = aClient({ resolve: { status: 201, responseText: '{"n":4}' } });
    expect(await callSlaServer(client, identity, call)).toEqual({ ok: true, value: { n: 4 } });
  });

  it.each([
    ['a 2xx of the wrong shape', { resolve: { status: 200, responseJSON: {} } }, { kind: 'invalid_response', detail: 'no n' }],
    ['a 4xx with our error code', { reject: { status: 422, responseText: '{"error":{"code":"invalid_policy"}}' } }, { kind: 'http', status: 422, code: 'invalid_policy' }],
    ['a 500', { reject: { status: 500, responseText: 'oops' } }, { kind: 'http', status: 500 }],
    ['the proxy’s 502 (server down)', { reject: { status: 502, responseText: '' } }, { kind: 'unreachable', detail: 'status 502' }],
    ['no HTTP answer at all', { reject: { status: 0, statusText: 'error' } }, { kind: 'unreachable', detail: 'error' }],
    ['a thrown error', { reject: new Error('boom') }, { kind: 'unreachable', detail: 'boom' }],
  ])('turns %s into an AppError', async (_case, answer, error) => {
    const { client } = aClient(answer);
    expect(await callSlaServer(client, identity, call)).toEqual({ ok: false, error });
  });
});
