import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, parseList, type Parsed } from '../api/parse-body';

/** One breached (or met late) metric instance as GET /api/reports/breaches lists it. */
export interface BreachView {
  readonly ticketId: string;
  readonly metric: string;
  readonly instance: number;
  readonly status: string;
  readonly policyId: string | null;
  readonly priority: string | null;
  readonly groupId: string | null;
  readonly dueAt: number | null;
  readonly breachedAt: number | null;
  /** Wall-clock minutes past the due time (to the fulfilment, or to now while unfulfilled). */
  readonly lateMinutes: number | null;
}

export interface BreachPage {
  readonly total: number;
  /** Where this page starts in the list (the server echoes the request's `offset`). */
  readonly offset: number;
  readonly breaches: readonly BreachView[];
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

function breach(r: Record<string, unknown>): BreachView | null {
  const ticketId = str(r.ticketId);
  if (ticketId === null || typeof r.metric !== 'string') return null;
  return {
    ticketId,
    metric: r.metric,
    instance: typeof r.instance === 'number' ? r.instance : 0,
    status: typeof r.status === 'string' ? r.status : 'breached',
    policyId: str(r.policyId),
    priority: str(r.priority),
    groupId: str(r.groupId),
    dueAt: numOrNull(r.dueAt),
    breachedAt: numOrNull(r.breachedAt),
    lateMinutes: numOrNull(r.lateMinutes),
  };
}

function parseBreachPage(body: unknown): Parsed<BreachPage> {
  const list = parseList(body, 'breaches', breach);
  if (!list.ok) return list;
  const total = isObject(body) && typeof body.total === 'number' ? body.total : list.value.length;
  const offset = isObject(body) && typeof body.offset === 'number' ? body.offset : 0;
  return { ok: true, value: { total, offset, breaches: list.value } };
}

/** The page of breaches from `offset` for a report query (`from`, `to`, filters), newest first. */
export const breachListCall = (query: string, limit = 50, offset = 0): SlaServerCall<BreachPage> => ({
  method: 'GET',
  path: `/api/reports/breaches?${query}&limit=${limit}&offset=${offset}`,
  parse: parseBreachPage,
});
