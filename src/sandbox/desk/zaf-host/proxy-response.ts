/** What Zendesk's proxy hands back for one `client.request`: the upstream answer, or its own refusal. */
export interface ProxyResponse {
  readonly status: number;
  readonly statusText: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly responseText: string;
}

/** A refusal or failure of the proxy itself, as a JSON body the app can read (`{ error: { code, message } }`). */
export function proxyError(status: number, statusText: string, code: string, message: string): ProxyResponse {
  return {
    status,
    statusText,
    headers: { 'content-type': 'application/json' },
    responseText: JSON.stringify({ error: { code, message } }),
  };
}
