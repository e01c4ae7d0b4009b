import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZafProxy } from './proxy';

/** Largest request the endpoint reads: a ZAF request's options, with a JSON body of a few kilobytes. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A plain node:http handler for `POST <desk>/zaf-proxy` with body `{ "options": <client.request options> }`,
 * answering the ProxyResponse as JSON. zaf-host.ts's `proxyVia(url)` calls it.
 * It serves one local sandbox installation: whoever can reach it can use the installation's secrets in requests
 * (never read them), just as any agent of the account can through Zendesk's proxy.
 */
export function zafProxyEndpoint(proxy: ZafProxy) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (request.method !== 'POST') return reply(405, { error: { code: 'method_not_allowed', message: 'POST only' } });
    let text = '';
    for await (const chunk of request) {
      text += String(chunk);
      if (text.length > MAX_BODY_BYTES) return reply(413, { error: { code: 'too_large', message: 'body too large' } });
    }
    const { status, body } = await answerProxyRequest(proxy, safeJson(text));
    reply(status, body);
  };
}

/** The endpoint's answer to an already parsed body (for servers that parse JSON themselves, like the desk's). */
export async function answerProxyRequest(proxy: ZafProxy, parsed: unknown): Promise<{ status: number; body: unknown }> {
  const options = (parsed as { options?: unknown } | null)?.options;
  if (typeof options !== 'object' || options === null || typeof (options as { url?: unknown }).url !== 'string') {
    return { status: 400, body: { error: { code: 'invalid_request', message: 'expected { "options": { "url": … } }' } } };
  }
  return { status: 200, body: await proxy(options as Parameters<ZafProxy>[0]) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
