import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, type Parsed } from '../api/parse-body';

/** One compliance row as GET /api/reports/compliance answers it (the core's ComplianceRow). */
export interface ComplianceRowView {
  readonly key: Readonly<Record<string, string | null>>;
  readonly tickets: number;
  readonly instances: number;
  readonly met: number;
  readonly metLate: number;
  readonly breached: number;
  readonly running: number;
  readonly metPercent: number | null;
  readonly medianBusinessMinutes: number | null;
  readonly p90BusinessMinutes: number | null;
}

export interface TrendPointView {
  readonly date: string;
  readonly breaches: number;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const numOrNull = (v: unknown) => (typeof v === 'number' ? v : null);

function parseCompliance(body: unknown): Parsed<ComplianceRowView[]> {
  if (!isObject(body) || !Array.isArray(body.rows)) return { ok: false, detail: 'no rows in the compliance report' };
  return {
    ok: true,
    value: body.rows.filter(isObject).map((r) => ({
      key: isObject(r.key) ? (r.key as Record<string, string | null>) : {},
      tickets: num(r.tickets),
      instances: num(r.instances),
      met: num(r.met),
      metLate: num(r.metLate),
      breached: num(r.breached),
      running: num(r.running),
      metPercent: numOrNull(r.metPercent),
      medianBusinessMinutes: numOrNull(r.medianBusinessMinutes),
      p90BusinessMinutes: numOrNull(r.p90BusinessMinutes),
    })),
  };
}

function parseTrend(body: unknown): Parsed<{ total: number; points: TrendPointView[] }> {
  const trend = isObject(body) && isObject(body.trend) ? body.trend : null;
  if (!isObject(body) || !trend || !Array.isArray(trend.points)) return { ok: false, detail: 'no trend in the breaches report' };
  return {
    ok: true,
    value: { total: num(body.total), points: trend.points.filter(isObject).map((p) => ({ date: String(p.date), breaches: num(p.breaches) })) },
  };
}

export const complianceCall = (query: string): SlaServerCall<ComplianceRowView[]> => ({ method: 'GET', path: `/api/reports/compliance?${query}`, parse: parseCompliance });
export const breachTrendCall = (query: string): SlaServerCall<{ total: number; points: TrendPointView[] }> => ({ method: 'GET', path: `/api/reports/breaches?${query}&limit=0`, parse: parseTrend });
