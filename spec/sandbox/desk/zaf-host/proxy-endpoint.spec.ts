import { answerProxyRequest } from '../../../../src/sandbox/desk/zaf-host/proxy-endpoint';
import type { ZafProxy } from '../../../../src/sandbox/desk/zaf-host/proxy';

const echo: ZafProxy = async (options) => ({ status: 200, statusText: 'OK', headers: {}, responseText: options.url });

describe('answerProxyRequest', () => {
  it('hands the options to the proxy and answers its response', async () => {
    expect(await answerProxyRequest(echo, { options: { url: 'http://localhost/x' } })).toEqual({
      status: 200,
      body: { status: 200, statusText: 'OK', headers: {}, responseText: 'http://localhost/x' },
    });
  });

  it.each([null, {}, { options: 'x' }, { options: { url: 7 } }])('refuses %j with 400 and a reason', async (body) => {
    expect(await answerProxyRequest(echo, body)).toEqual({ status: 400, body: { error: { code: 'invalid_request', message: expect.any(String) } } });
  });
});
