import { setMaxListeners } from 'node:events';
import type { EmulatorClock } from '../clock/emulator-clock';
import { formatZendeskTime } from '../clock/zendesk-time';
import type { EmulatorState } from '../state/emulator-state';
import type { WebhookCall } from '../triggers/run-triggers';
import { addWebhookFaults, noWebhookFaults, planInvocation, type WebhookFaultRequest } from './webhook-faults';
import { retryDelayMs, type AttemptOutcome } from './webhook-retry-policy';
import { sendWebhookRequest } from './webhook-request';

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
  /** Aborts attempts in flight (a hanging receiver must not hold up shutdown) and cancels scheduled ones. */
  close(): Promise<void>;
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
  const closing = new AbortController();
  // Each delivery in flight listens on it (and stops when done): a burst of more than ten is normal, not a leak.
  setMaxListeners(0, closing.signal);
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
    if (!webhook || webhook.status !== 'active' || closing.signal.aborted) return;
    const sending = sendWebhookRequest(webhook, {
      invocationId: invocation.id,
      body: invocation.call.body,
      timestamp: formatZendeskTime(clock.now()),
      timeoutMs: options.timeoutMs,
      signal: closing.signal,
    }).then(({ outcome }) => {
      record(invocation, number, outcome);
      const delay = retryDelayMs(outcome, number);
      if (delay !== undefined && !closing.signal.aborted) later(clock.now() + delay, () => attempt(invocation, number + 1));
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
    close: async () => {
      closing.abort();
      for (const cancel of cancels) cancel();
      cancels.clear();
      while (inFlight.size > 0) await Promise.all([...inFlight]);
    },
  };
}
