import { Counter, Gauge, Registry } from 'prom-client';
import type { Clock } from '../clock';
import type { SlaStore } from '../store/sla-store';
import type { PipelineEvents } from '../pipeline/process-ticket';
import type { WritebackEvents } from '../pipeline/writeback-worker';

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
  /** `queued` when an assessment changes what Zendesk should show; then `written` or `rate_limited` per attempt. */
  readonly writebacks: Counter<'outcome'>;
  /** Every Zendesk API answer, by ZendeskStatusClass (429 apart from the other 4xx, so rate limiting shows). */
  readonly zendeskResponses: Counter<'status_class'>;
  readonly breaches: Counter<'metric'>;
  /** `inbox`: a webhook or the reconciliation sweep said the ticket changed; `scheduler`: a due check. */
  readonly ticketsAssessed: Counter<'source'>;
}

export type ZendeskStatusClass = '2xx' | '3xx' | '4xx' | '429' | '5xx' | 'no_response';
export type AssessmentSource = 'inbox' | 'scheduler';

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
  new Gauge({
    name: 'sla_scheduler_lag_seconds',
    help: 'How long the oldest due check has been waiting for the scheduler (a breach is noticed this late); 0 when none is overdue',
    registers: [registry],
    async collect() {
      const earliest = await store.earliestDueCheck();
      this.set(earliest === null ? 0 : Math.max(0, clock.now() - earliest) / 1000);
    },
  });
  new Gauge({
    name: 'sla_writeback_queue_depth',
    help: 'Tickets whose write-back to Zendesk is queued (waiting, being written, or waiting out a retry)',
    registers: [registry],
    async collect() {
      this.set((await store.writebackStats()).pending);
    },
  });
  const counter = <L extends string>(name: string, help: string, label: L) => new Counter<L>({ name, help, labelNames: [label], registers: [registry] });
  return {
    registry,
    writebacks: counter('sla_writebacks_total', 'Write-backs to Zendesk by outcome: queued, written, rate_limited (429, retried after Retry-After)', 'outcome'),
    zendeskResponses: counter('sla_zendesk_responses_total', 'Zendesk API answers by status class (2xx, 3xx, 4xx, 429, 5xx, no_response)', 'status_class'),
    breaches: counter('sla_breaches_total', 'SLA targets newly breached, by metric', 'metric'),
    ticketsAssessed: counter('sla_tickets_assessed_total', 'Ticket assessments by what started them: inbox (webhook or reconciliation) or scheduler (due check)', 'source'),
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

export function zendeskStatusClass(status: number | null): ZendeskStatusClass {
  if (status === null) return 'no_response';
  if (status === 429) return '429';
  return `${Math.min(5, Math.max(2, Math.floor(status / 100)))}xx` as ZendeskStatusClass;
}

/** For ZendeskClients' `onResponse`: counts every answer (and every call that got none). */
export const countZendeskResponses =
  (metrics: ServerMetrics) =>
  ({ status }: { status: number | null }): void =>
    void metrics.zendeskResponses.inc({ status_class: zendeskStatusClass(status) });

/**
 * The pipeline's events as metrics, for the loop whose assessments come from `source`, calling `also` (the
 * caller's own events, e.g. a test's) as well.
 */
export function pipelineMetricEvents(metrics: ServerMetrics, source: AssessmentSource, also: PipelineEvents & WritebackEvents = {}): PipelineEvents & WritebackEvents {
  return {
    transitions(account, ticketId, transitions) {
      metrics.ticketsAssessed.inc({ source });
      for (const t of transitions) if (t.kind === 'breached') metrics.breaches.inc({ metric: t.metric });
      also.transitions?.(account, ticketId, transitions);
    },
    writebackQueued(account, ticketId) {
      metrics.writebacks.inc({ outcome: 'queued' });
      also.writebackQueued?.(account, ticketId);
    },
    written(accountId, ticketId) {
      metrics.writebacks.inc({ outcome: 'written' });
      also.written?.(accountId, ticketId);
    },
    rateLimited(accountId) {
      metrics.writebacks.inc({ outcome: 'rate_limited' });
      also.rateLimited?.(accountId);
    },
  };
}
