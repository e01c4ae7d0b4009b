import { Counter, Gauge, Registry } from 'prom-client';
import type { Clock } from '../clock';
import type { SlaStore } from '../store/sla-store';

/** Why a webhook was refused; also the `reason` label of `sla_webhooks_rejected_total`. */
export type WebhookRejectionReason =
  | 'unknown_account'
  | 'no_webhook_secret'
  | 'missing_signature'
  | 'stale_timestamp'
  | 'bad_signature'
  | 'body_too_large'
  | 'malformed_json'
  | 'missing_ticket_id'
  | 'other';

export interface ServerMetrics {
  /** One registry per server instance (not prom-client's global one), so tests can build several servers. */
  readonly registry: Registry;
  readonly webhooksAccepted: Counter<'duplicate'>;
  readonly webhooksRejected: Counter<'reason'>;
}

export function createServerMetrics({ store, clock }: { store: SlaStore; clock: Clock }): ServerMetrics {
  const registry = new Registry();
  new Gauge({
    name: 'sla_inbox_depth',
    help: 'Webhook deliveries stored but not yet processed (pending or being processed)',
    registers: [registry],
    async collect() {
      this.set((await store.inboxStats()).pending);
    },
  });
  new Gauge({
    name: 'sla_inbox_oldest_pending_age_seconds',
    help: 'Age of the oldest unprocessed webhook delivery (intake lag); 0 when the inbox is empty',
    registers: [registry],
    async collect() {
      const { oldestPendingReceivedAt } = await store.inboxStats();
      this.set(oldestPendingReceivedAt === null ? 0 : Math.max(0, clock.now() - oldestPendingReceivedAt) / 1000);
    },
  });
  return {
    registry,
    webhooksAccepted: new Counter({
      name: 'sla_webhooks_accepted_total',
      help: 'Webhook deliveries accepted (duplicate="true" for redeliveries already stored)',
      labelNames: ['duplicate'],
      registers: [registry],
    }),
    webhooksRejected: new Counter({
      name: 'sla_webhooks_rejected_total',
      help: 'Webhook deliveries refused, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
  };
}
