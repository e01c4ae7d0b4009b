import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpDeps } from '../http-deps';
import { errorResponse, rejected, RequestRejected } from '../http-errors';
import type { ServerMetrics, WebhookRejectionReason } from '../server-metrics';
import { verifyZendeskSignature } from '../zendesk-signature';

/** Zendesk caps trigger payloads at 16,000 characters; 64 KiB leaves room and refuses anything abusive. */
export const WEBHOOK_BODY_LIMIT_BYTES = 64 * 1024;
/** Zendesk states no replay window; we accept signatures up to 5 minutes away from our clock, either way. */
export const WEBHOOK_MAX_SKEW_MS = 5 * 60_000;

/**
 * POST /zendesk/webhooks/:accountId, the URL the setup step gives the account's webhook. The account id (not the
 * subdomain) is in the path: it is stable if the account renames its subdomain, and selects the signing secret.
 *
 * The request path only verifies and stores: signature over the raw bytes, freshness, a ticket id, then an
 * idempotent insert into the inbox and 202. Nothing refused is stored. Workers do the rest.
 */
export async function zendeskWebhookRoutes(app: FastifyInstance, { deps, metrics }: { deps: HttpDeps; metrics: ServerMetrics }) {
  // The signature covers the exact bytes: keep them raw instead of letting the JSON parser rebuild them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.setErrorHandler((error, request, reply) => {
    const response = errorResponse(error);
    const reason = reasonOf(error, response.body.error.code);
    metrics.webhooksRejected.inc({ reason });
    if (response.unexpected) request.log.error({ err: error }, 'webhook intake failed');
    else request.log.warn({ reason, status: response.status }, 'webhook refused');
    return reply.status(response.status).send(response.body);
  });
  const accepted = metrics.webhooksAccepted.labels({ duplicate: 'false' });
  const duplicate = metrics.webhooksAccepted.labels({ duplicate: 'true' });

  app.post<{ Params: { accountId: string } }>(
    '/zendesk/webhooks/:accountId',
    // Accepted deliveries are counted (sla_webhooks_accepted_total), not logged one by one: at Zendesk's rates two
    // access-log lines per delivery cost more than the rest of the request. Refusals and failures are still logged.
    { bodyLimit: WEBHOOK_BODY_LIMIT_BYTES, logLevel: 'warn' },
    async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const { accountId } = request.params;
      const account = await deps.store.findWebhookSecret(accountId);
      if (!account) throw webhookRejected('unknown_account', 404, 'No such account');
      const timestamp = verifiedTimestamp(request, account.secret, rawBody, deps.clock.now());
      const text = rawBody.toString('utf8');
      const ticketId = ticketIdOf(text);
      const invocationId = header(request, 'x-zendesk-webhook-invocation-id') ?? hashedInvocationId(timestamp, rawBody);
      const { inserted } = await deps.store.enqueueWebhook({ accountId, invocationId, ticketId, rawBody: text, receivedAt: deps.clock.now() });
      (inserted ? accepted : duplicate).inc();
      return reply.status(202).type(JSON_TYPE).send(inserted ? ACCEPTED_BODY : DUPLICATE_BODY);
    },
  );
}

const JSON_TYPE = 'application/json; charset=utf-8';
const ACCEPTED_BODY = JSON.stringify({ accepted: true, duplicate: false });
const DUPLICATE_BODY = JSON.stringify({ accepted: true, duplicate: true });

function verifiedTimestamp(request: FastifyRequest, secret: string | null, rawBody: Buffer, now: number): string {
  const signature = header(request, 'x-zendesk-webhook-signature');
  const timestamp = header(request, 'x-zendesk-webhook-signature-timestamp');
  if (!secret) throw webhookRejected('no_webhook_secret', 401, 'Account has no webhook signing secret yet');
  if (!signature || !timestamp) throw webhookRejected('missing_signature', 401, 'Signature headers are missing');
  const signedAt = Date.parse(timestamp);
  if (!Number.isFinite(signedAt) || Math.abs(now - signedAt) > WEBHOOK_MAX_SKEW_MS) {
    throw webhookRejected('stale_timestamp', 401, 'Signature timestamp is missing, malformed or more than 5 minutes off');
  }
  if (!verifyZendeskSignature({ secret, timestamp, rawBody, signature })) {
    throw webhookRejected('bad_signature', 401, 'Signature does not match');
  }
  return timestamp;
}

/**
 * Our trigger sends `{"ticket_id":"{{ticket.id}}", …}` (a string); event-subscribed webhooks carry
 * `detail.id`. Either way the id must be a positive integer, as string or number.
 */
function ticketIdOf(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw webhookRejected('malformed_json', 400, 'Body is not valid JSON');
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const detail = typeof record.detail === 'object' && record.detail !== null ? (record.detail as Record<string, unknown>) : {};
  const candidate = record.ticket_id ?? detail.id;
  const id = typeof candidate === 'number' ? String(candidate) : candidate;
  if (typeof id === 'string' && /^[1-9]\d{0,19}$/.test(id.trim())) return id.trim();
  throw webhookRejected('missing_ticket_id', 400, 'Body has no ticket_id (a positive integer, as string or number)');
}

/** Without Zendesk's invocation id, the same signed body at the same timestamp is the same delivery. */
function hashedInvocationId(timestamp: string, rawBody: Buffer): string {
  return `sha256:${createHash('sha256').update(timestamp).update('\n').update(rawBody).digest('hex')}`;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

class WebhookRejected extends RequestRejected {
  constructor(readonly reason: WebhookRejectionReason, rejection: RequestRejected['rejection']) {
    super(rejection);
  }
}

function webhookRejected(reason: WebhookRejectionReason, status: 400 | 401 | 404, message: string): WebhookRejected {
  const base = status === 400 ? rejected.invalid(reason, message) : status === 401 ? rejected.unauthorized(reason, message) : rejected.notFound(reason, message);
  return new WebhookRejected(reason, base.rejection);
}

function reasonOf(error: unknown, code: string): WebhookRejectionReason {
  if (error instanceof WebhookRejected) return error.reason;
  return code === 'body_too_large' || code === 'malformed_json' ? code : 'other';
}
