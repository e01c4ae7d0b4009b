import type { EmulatorClock } from '../clock/emulator-clock';
import { formatZendeskTime } from '../clock/zendesk-time';
import type { EmulatorState } from '../state/emulator-state';
import type { WebhookRecord } from '../state/records';
import type { WebhookCall } from '../triggers/run-triggers';
import { addWebhookFaults, noWebhookFaults, planInvocation, type WebhookFaultRequest } from './webhook-faults';
import { parseRetryAfter, retryDelayMs, type AttemptOutcome } from './webhook-retry-policy';
import { signWebhookBody } from './webhook-signature';

/** One HTTP attempt, as the admin API reports it. */
export interface DeliveryAttempt {
  readonly invocationId: string;
  readonly webhookId: string;
  readonly ticketId: number;
  readonly triggerId: number;
  readonly attempt: number;
  readonly at: string;
  readonly outcome: AttemptOutcome | { readonly kind: 'dropped' };
}

interface Invocation {
  readonly id: string;
  readonly call: WebhookCall;
}

export interface WebhookDispatcher {
  /** Queues the calls; delivery happens after the current request has been answered. */
  dispatch(calls: readonly WebhookCall[]): void;
  injectFaults(request: WebhookFaultRequest): void;
  attempts(): readonly DeliveryAttempt[];
  /** Resolves once no HTTP attempt is in flight (scheduled retries may still wait for the clock). */
  idle(): Promise<void>;
  reset(): void;
}

/**
 * Delivers trigger-made webhook calls the way Zendesk does: signed, with Zendesk's headers, at least once, retried by
 * Zendesk's rules. Waits (delays, retries) run on the emulator clock; the HTTP request itself uses real time.
 */
export function createWebhookDispatcher(options: {
  readonly state: EmulatorState;
  readonly clock: EmulatorClock;
  readonly timeoutMs: number;
}): WebhookDispatcher {
  const { state, clock } = options;
  let faults = noWebhookFaults();
  let held: Invocation[] = [];
  let log: DeliveryAttempt[] = [];
  let nextInvocation = 8_000_000_001;
  const inFlight = new Set<Promise<void>>();
  const cancels = new Set<() => void>();

  const record = (invocation: Invocation, attempt: number, outcome: DeliveryAttempt['outcome']): void => {
    log.push({
      invocationId: invocation.id,
      webhookId: invocation.call.webhookId,
      ticketId: invocation.call.ticketId,
      triggerId: invocation.call.triggerId,
      attempt,
      at: formatZendeskTime(clock.now()),
      outcome,
    });
  };

  const later = (atMs: number, run: () => void): void => {
    const cancel = clock.schedule(atMs, () => {
      cancels.delete(cancel);
      run();
    });
    cancels.add(cancel);
  };

  const attempt = (invocation: Invocation, number: number): void => {
    const webhook = state.webhooks.get(invocation.call.webhookId);
    if (!webhook || webhook.status !== 'active') return;
    const sending = send(webhook, invocation, options.timeoutMs, clock.now()).then((outcome) => {
      record(invocation, number, outcome);
      const delay = retryDelayMs(outcome, number);
      if (delay !== undefined) later(clock.now() + delay, () => attempt(invocation, number + 1));
    });
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  };

  const start = (invocation: Invocation): void => {
    switch (planInvocation(faults)) {
      case 'drop':
        return record(invocation, 0, { kind: 'dropped' });
      case 'duplicate':
        attempt(invocation, 1);
        return attempt(invocation, 1);
      case 'delay':
        return later(clock.now() + faults.delayMs, () => attempt(invocation, 1));
      case 'hold':
        held.push(invocation);
        if (faults.reorder === 0) flushHeld();
        return;
      case 'send':
        return attempt(invocation, 1);
    }
  };

  const flushHeld = (): void => {
    const group = held.reverse();
    held = [];
    for (const invocation of group) attempt(invocation, 1);
  };

  return {
    dispatch: (calls) => {
      const active = calls.filter((call) => state.webhooks.get(call.webhookId)?.status === 'active');
      const invocations = active.map((call) => ({ id: String(nextInvocation++), call }));
      if (invocations.length > 0) setImmediate(() => invocations.forEach(start));
    },
    injectFaults: (request) => addWebhookFaults(faults, request),
    attempts: () => log,
    idle: async () => {
      // Let queued setImmediate starts run, then wait for every attempt they began.
      await new Promise((resolve) => setImmediate(resolve));
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
    reset: () => {
      faults = noWebhookFaults();
      held = [];
      log = [];
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
  };
}

async function send(webhook: WebhookRecord, invocation: Invocation, timeoutMs: number, nowMs: number): Promise<AttemptOutcome> {
  const withBody = !['GET', 'DELETE'].includes(webhook.httpMethod);
  const body = withBody ? invocation.call.body : '';
  const timestamp = formatZendeskTime(nowMs);
  const headers: Record<string, string> = {
    'user-agent': 'Zendesk Webhook',
    'x-zendesk-webhook-id': webhook.id,
    'x-zendesk-webhook-invocation-id': invocation.id,
    'x-zendesk-webhook-signature-timestamp': timestamp,
    'x-zendesk-webhook-signature': signWebhookBody(webhook.signingSecret, timestamp, body),
    ...authenticationHeader(webhook),
  };
  if (withBody) headers['content-type'] = contentType(webhook.requestFormat);
  // Our own timer rather than AbortSignal.timeout: whether the attempt timed out must not depend on how the
  // runtime names the abort error.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const response = await fetch(webhook.endpoint, {
      method: webhook.httpMethod,
      headers,
      ...(withBody ? { body } : {}),
      signal: controller.signal,
    });
    await response.arrayBuffer().catch(() => undefined);
    return { kind: 'response', status: response.status, retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')) };
  } catch {
    return timedOut ? { kind: 'timeout' } : { kind: 'network_error' };
  } finally {
    clearTimeout(timer);
  }
}

function authenticationHeader(webhook: WebhookRecord): Record<string, string> {
  const auth = webhook.authentication;
  if (!auth) return {};
  if (auth.type === 'bearer_token') return { authorization: `Bearer ${auth.data.token}` };
  if (auth.type === 'basic_auth') {
    return { authorization: `Basic ${Buffer.from(`${auth.data.username}:${auth.data.password}`).toString('base64')}` };
  }
  return { [auth.data.name.toLowerCase()]: auth.data.value };
}

const contentType = (format: WebhookRecord['requestFormat']): string =>
  format === 'json' ? 'application/json' : format === 'xml' ? 'application/xml' : 'application/x-www-form-urlencoded';
