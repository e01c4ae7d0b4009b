/**
 * The parent-window side of ZAF v2 (shared/zendesk/PLATFORM.md §1.7), run in the sandbox desk page and in browser
 * tests: embeds an app iframe the way Zendesk does, registers it, answers get/set/invoke from a HostModel, emits
 * events and hooks, and passes `client.request` to a proxy that lives where the secrets are (proxy.ts, node).
 * Secure settings never reach this module: it only has the public ones, and the proxy fills in the rest.
 */
import type { ZafContext, ZafMetadata, ZafRequestOptions } from '../../../app/zaf/zaf-client';
import { answerGet, applySet, type HostModel } from './host-model';
import type { ProxyResponse } from './proxy-response';
import { parseAppMessage, type AppMessage } from './zaf-messages';

export interface ZafHostOptions {
  readonly iframe: HTMLIFrameElement;
  /** Absolute URL of the app's location page, e.g. `http://127.0.0.1:4567/app/assets/iframe.html`. */
  readonly appUrl: string;
  readonly appGuid: string;
  readonly context: Omit<ZafContext, 'instanceGuid'>;
  /** `settings` must already be the public ones (public-settings.ts). */
  readonly metadata: ZafMetadata;
  readonly model: HostModel;
  /** Performs a request through the proxy (proxyVia). */
  readonly request: (options: ZafRequestOptions) => Promise<ProxyResponse>;
}

export type HookOutcome = { readonly accepted: true } | { readonly accepted: false; readonly message: string };

export interface ZafHost {
  /** Resolves once the app has handshaken and been registered. */
  readonly registered: Promise<void>;
  /** Sends `zaf.<event>` with `payload` to the app. */
  emit(event: string, payload?: unknown): void;
  /** Changes the model as the agent would (e.g. picks a priority) and emits the change events. */
  set(path: string, value: unknown): void;
  /** Sends a hook event (`ticket.save`) and resolves with the app's verdict. */
  hook(name: string, timeoutMs?: number): Promise<HookOutcome>;
  /** Resolves when the app has at least one handler for `event`. */
  whenSubscribed(event: string): Promise<void>;
  /** Every message posted into the iframe, serialised: for tests that check what the app was given. */
  readonly posted: readonly string[];
  dispose(): void;
}

export function mountZafApp(options: ZafHostOptions): ZafHost {
  const { iframe, model } = options;
  const appOrigin = new URL(options.appUrl).origin;
  const src = new URL(options.appUrl);
  src.searchParams.set('origin', window.location.origin);
  src.searchParams.set('app_guid', options.appGuid);

  const subscribers = new Map<string, number>();
  const subscriptionWaiters = new Map<string, Array<() => void>>();
  const hookWaiters = new Map<string, (outcome: HookOutcome) => void>();
  const posted: string[] = [];
  let markRegistered: () => void = () => undefined;
  const registered = new Promise<void>((resolve) => (markRegistered = resolve));

  const post = (message: unknown) => {
    const text = JSON.stringify(message);
    posted.push(text);
    iframe.contentWindow?.postMessage(text, appOrigin);
  };
  const emit = (event: string, payload?: unknown) => post({ key: `zaf.${event}`, message: payload });

  const handle = (message: AppMessage) => {
    switch (message.kind) {
      case 'handshake':
        post({
          key: 'zaf.app.registered',
          message: { metadata: options.metadata, context: { ...options.context, instanceGuid: options.appGuid } },
        });
        markRegistered();
        return;
      case 'subscribe':
      case 'unsubscribe':
        subscribers.set(message.event, message.subscriberCount);
        if (message.subscriberCount > 0) for (const wake of subscriptionWaiters.get(message.event) ?? []) wake();
        return;
      case 'call':
        return post({ id: message.id, result: answerCall(message.request, message.params) });
      case 'request':
        return void performRequest(message.key, message.options);
      case 'hook_reply':
        hookWaiters.get(message.hook)?.(message.error === null ? { accepted: true } : { accepted: false, message: message.error });
        hookWaiters.delete(message.hook);
        return;
      case 'other':
        return;
    }
  };

  const answerCall = (request: 'get' | 'set' | 'invoke', params: unknown): unknown => {
    if (request === 'get') return answerGet(model, Array.isArray(params) ? params.map(String) : []);
    if (request === 'set') {
      const { result, events } = applySet(model, (params ?? {}) as Record<string, unknown>);
      for (const [event, payload] of events) emit(event, payload);
      return result;
    }
    return invoke((params ?? {}) as Record<string, unknown[]>);
  };

  const invoke = (calls: Record<string, unknown[]>) => {
    const errors: Record<string, { message: string; name: string; path: string }> = {};
    for (const [name, args] of Object.entries(calls)) {
      if (name === 'resize') {
        const size = (args[0] ?? {}) as { width?: string; height?: string };
        if (size.height) iframe.style.height = size.height;
        if (size.width) iframe.style.width = size.width;
      } else if (name === 'routeTo' && args[0] === 'ticket' && /^\d+$/.test(String(args[1]))) {
        // As Zendesk opens a ticket tab: here the desk's own ticket page.
        window.location.assign(`/tickets/${String(args[1])}`);
      } else if (name !== 'track' && name !== 'notify') {
        errors[name] = { name: 'NotSupported', message: 'is not supported by the sandbox desk', path: name };
      }
    }
    return { errors };
  };

  const performRequest = async (key: string, requestOptions: ZafRequestOptions) => {
    let response: ProxyResponse;
    try {
      response = await options.request(requestOptions);
    } catch (cause) {
      response = { status: 0, statusText: 'error', headers: {}, responseText: String(cause) };
    }
    const complete = { ...response, responseJSON: parseJson(response.responseText) };
    const ok = response.status >= 200 && response.status < 300;
    const responseArgs = !ok
      ? [complete]
      : requestOptions.httpCompleteResponse
        ? [complete]
        : [complete.responseJSON ?? response.responseText, 'success', complete];
    emit(`${key}.${ok ? 'done' : 'fail'}`, { responseArgs });
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== iframe.contentWindow || event.origin !== appOrigin) return;
    const message = parseAppMessage(event.data);
    if (message) handle(message);
  };
  window.addEventListener('message', onMessage);
  iframe.src = src.toString();

  return {
    registered,
    emit,
    posted,
    set(path, value) {
      const { events } = applySet(model, { [path]: value });
      for (const [event, payload] of events) emit(event, payload);
    },
    hook(name, timeoutMs = 10_000) {
      return new Promise<HookOutcome>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the app did not answer the ${name} hook in ${timeoutMs} ms`)), timeoutMs);
        hookWaiters.set(name, (outcome) => {
          clearTimeout(timer);
          resolve(outcome);
        });
        post({ key: `zaf.${name}`, needsReply: true });
      });
    },
    whenSubscribed(event) {
      if ((subscribers.get(event) ?? 0) > 0) return Promise.resolve();
      return new Promise<void>((resolve) => subscriptionWaiters.set(event, [...(subscriptionWaiters.get(event) ?? []), resolve]));
    },
    dispose() {
      window.removeEventListener('message', onMessage);
    },
  };
}

/** The browser half of the proxy: hands the request options to the desk server's proxy endpoint. */
export function proxyVia(endpointUrl: string): (options: ZafRequestOptions) => Promise<ProxyResponse> {
  return async (options) => {
    const response = await fetch(endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ options }),
    });
    if (!response.ok) throw new Error(`the desk proxy answered ${response.status}`);
    return (await response.json()) as ProxyResponse;
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
