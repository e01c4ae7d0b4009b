import type { SlaServerCall } from './sla-server-api';

/**
 * What the server says about one ticket's SLA. Provisional contract (issue #5): only the applied policy's title
 * for now; the metric rows join when the core's assessment types land, parsed here the same way.
 */
export interface TicketSlaSummary {
  readonly policy: { readonly title: string } | null;
}

export function parseTicketSlaSummary(body: unknown): { ok: true; value: TicketSlaSummary } | { ok: false; detail: string } {
  if (typeof body !== 'object' || body === null || !('policy' in body)) return { ok: false, detail: 'no "policy" in the body' };
  const policy = (body as { policy: unknown }).policy;
  if (policy === null) return { ok: true, value: { policy: null } };
  const title = (policy as { title?: unknown } | undefined)?.title;
  if (typeof title !== 'string') return { ok: false, detail: '"policy.title" is not a string' };
  return { ok: true, value: { policy: { title } } };
}

/** `GET /api/tickets/:ticketId/sla` on our server. */
export const ticketSlaCall = (ticketId: number): SlaServerCall<TicketSlaSummary> => ({
  method: 'GET',
  path: `/api/tickets/${encodeURIComponent(String(ticketId))}/sla`,
  parse: parseTicketSlaSummary,
});
