import type { ZafRequestOptions } from '../../../app/zaf/zaf-client';

/**
 * What an app iframe says to its host, parsed from ZAF v2's postMessage protocol (shared/zendesk/PLATFORM.md §1.2).
 * The SDK sends JSON strings, except hook replies, which are plain objects: both are accepted.
 */
export type AppMessage =
  | { readonly kind: 'handshake'; readonly version: string | null }
  | { readonly kind: 'subscribe'; readonly event: string; readonly subscriberCount: number }
  | { readonly kind: 'unsubscribe'; readonly event: string; readonly subscriberCount: number }
  | { readonly kind: 'call'; readonly id: number; readonly request: 'get' | 'set' | 'invoke'; readonly params: unknown }
  | { readonly kind: 'request'; readonly key: string; readonly options: ZafRequestOptions }
  | { readonly kind: 'hook_reply'; readonly hook: string; readonly error: string | null }
  | { readonly kind: 'other'; readonly key: string; readonly message: unknown };

const REQUEST_KEY = /^request:\d+$/;

export function parseAppMessage(data: unknown): AppMessage | null {
  const message = typeof data === 'string' ? safeJson(data) : data;
  if (typeof message !== 'object' || message === null) return null;
  const m = message as Record<string, unknown>;
  if (typeof m.id === 'number' && (m.request === 'get' || m.request === 'set' || m.request === 'invoke')) {
    return { kind: 'call', id: m.id, request: m.request, params: m.params };
  }
  if (typeof m.key !== 'string') return null;
  const key = m.key;
  const body = (m.message ?? {}) as Record<string, unknown>;
  if (key === 'iframe.handshake') return { kind: 'handshake', version: typeof body.version === 'string' ? body.version : null };
  if (key.startsWith('iframe.on:')) return { kind: 'subscribe', event: key.slice(10), subscriberCount: Number(body.subscriberCount ?? 1) };
  if (key.startsWith('iframe.off:')) return { kind: 'unsubscribe', event: key.slice(11), subscriberCount: Number(body.subscriberCount ?? 0) };
  if (key.startsWith('iframe.reply:')) {
    const error = (m.error as { msg?: unknown } | undefined)?.msg;
    return { kind: 'hook_reply', hook: key.slice(13), error: error === undefined ? null : String(error) };
  }
  if (REQUEST_KEY.test(key)) return { kind: 'request', key, options: m.message as ZafRequestOptions };
  return { kind: 'other', key, message: m.message };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
