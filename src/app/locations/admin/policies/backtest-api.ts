import type { SlaPolicy } from '../../../../core';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { isObject, type Parsed } from '../api/parse-body';

/** One group's share met on time under both rule sets; null where the group has nothing measured on that side. */
export interface SimulatedRow {
  readonly policy: string | null;
  readonly metric: string | null;
  readonly priority: string | null;
  readonly current: { readonly metPercent: number | null; readonly breached: number; readonly instances: number } | null;
  readonly draft: { readonly metPercent: number | null; readonly breached: number; readonly instances: number } | null;
}

export interface SimulationView {
  readonly from: number;
  readonly to: number;
  readonly tickets: number;
  readonly byPolicy: readonly SimulatedRow[];
  readonly breachesGained: number;
  readonly breachesLost: number;
  readonly policySwitches: readonly { readonly ticketId: string; readonly from: string | null; readonly to: string | null }[];
  readonly policySwitchCount: number;
  readonly policyTitles: Readonly<Record<string, string>>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const strOrNull = (v: unknown) => (typeof v === 'string' ? v : null);
const side = (v: unknown) => (isObject(v) ? { metPercent: typeof v.metPercent === 'number' ? v.metPercent : null, breached: num(v.breached) + num(v.metLate), instances: num(v.instances) } : null);
const countOf = (v: unknown) => (isObject(v) ? num(v.count) : 0);

function parseSimulation(body: unknown): Parsed<SimulationView> {
  if (!isObject(body) || !Array.isArray(body.byPolicy)) return { ok: false, detail: 'no byPolicy in the backtest' };
  const switches = isObject(body.policySwitches) && Array.isArray(body.policySwitches.items) ? body.policySwitches.items.filter(isObject) : [];
  return {
    ok: true,
    value: {
      from: num(body.from),
      to: num(body.to),
      tickets: num(body.tickets),
      byPolicy: body.byPolicy.filter(isObject).map((r) => {
        const key = isObject(r.key) ? r.key : {};
        return { policy: strOrNull(key.policy), metric: strOrNull(key.metric), priority: strOrNull(key.priority), current: side(r.current), draft: side(r.draft) };
      }),
      breachesGained: countOf(body.breachesGained),
      breachesLost: countOf(body.breachesLost),
      policySwitches: switches.map((s) => ({ ticketId: String(s.ticketId), from: strOrNull(s.from), to: strOrNull(s.to) })),
      policySwitchCount: countOf(body.policySwitches),
      policyTitles: isObject(body.policyTitles) ? (body.policyTitles as Record<string, string>) : {},
    },
  };
}

/** POST /api/reports/backtest: replays [from, to) under the draft policy list (as it would be saved) and the current one. */
export const backtestCall = (policies: readonly SlaPolicy[], from: string, to: string): SlaServerCall<SimulationView> => ({
  method: 'POST',
  path: '/api/reports/backtest',
  body: { from, to, policies },
  parse: parseSimulation,
});
