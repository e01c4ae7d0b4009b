/**
 * Delivery faults a test can ask for, each applying to the next N invocations (not retries):
 * - drop: never delivered (Zendesk's delivery is best effort);
 * - duplicate: delivered twice with the same invocation id (at-least-once);
 * - delay: delivered `delayMs` later on the emulator clock;
 * - reorder: held until N have gathered, then delivered newest first (order is not guaranteed).
 */
export interface WebhookFaultRequest {
  readonly drop?: number;
  readonly duplicate?: number;
  readonly delay?: { readonly count: number; readonly delayMs: number };
  readonly reorder?: number;
}

export interface WebhookFaultState {
  drop: number;
  duplicate: number;
  delayCount: number;
  delayMs: number;
  reorder: number;
}

export const noWebhookFaults = (): WebhookFaultState => ({ drop: 0, duplicate: 0, delayCount: 0, delayMs: 0, reorder: 0 });

export function addWebhookFaults(state: WebhookFaultState, request: WebhookFaultRequest): void {
  state.drop += request.drop ?? 0;
  state.duplicate += request.duplicate ?? 0;
  if (request.delay) {
    state.delayCount += request.delay.count;
    state.delayMs = request.delay.delayMs;
  }
  state.reorder += request.reorder ?? 0;
}

/** What happens to one new invocation; consumes one unit of the fault it gets. */
export type InvocationPlan = 'drop' | 'duplicate' | 'delay' | 'hold' | 'send';

export function planInvocation(state: WebhookFaultState): InvocationPlan {
  if (state.drop > 0) return (state.drop--, 'drop');
  if (state.duplicate > 0) return (state.duplicate--, 'duplicate');
  if (state.delayCount > 0) return (state.delayCount--, 'delay');
  if (state.reorder > 0) return (state.reorder--, 'hold');
  return 'send';
}
