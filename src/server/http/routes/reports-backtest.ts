import type { FastifyInstance } from 'fastify';
import { toEpochMillis } from '../../../core/time/instant';
import { draftRules } from '../../reports/backtest-draft';
import { runBacktest } from '../../reports/backtest-run';
import { appAuthHook, appCallerOf } from '../app-auth';
import type { HttpDeps } from '../http-deps';
import { rejected } from '../http-errors';

/** The policy editor's "Simulate" replays at most this long a period on the request path (about a quarter). */
const MAX_SPAN_MS = 92 * 86_400_000;
/** Lists of instances and tickets in the answer are cut to this many; their full counts are given. */
const SAMPLE = 200;

/**
 * POST /api/reports/backtest { from, to, policies: [...], schedules?: { id: spec }, verify?: boolean }: the
 * "Simulate" button. Replays the account's tickets with records in [from, to) under the draft (the whole policy list
 * as the editor would save it) and under the current rules, as `sla backtest` does, and answers the comparison;
 * with `verify`, also whether the current rules' replay gives back the stored records (`reproduction`, else null).
 */
export async function backtestRoutes(app: FastifyInstance, { deps }: { deps: HttpDeps }) {
  app.addHook('onRequest', appAuthHook(deps));

  app.post<{ Body: { from?: unknown; to?: unknown; policies?: unknown; schedules?: unknown; verify?: unknown } }>('/api/reports/backtest', async (request) => {
    const { accountId } = appCallerOf(request);
    const body = request.body ?? {};
    const from = instantOf(body.from, 'from');
    const to = instantOf(body.to, 'to');
    if (body.verify !== undefined && typeof body.verify !== 'boolean') throw rejected.invalid('invalid_verify', 'verify must be true or false', [{ path: 'verify', code: 'invalid_verify', message: 'verify must be true or false' }]);
    if (to <= from || to - from > MAX_SPAN_MS) throw rejected.invalid('invalid_period', 'to must be after from, at most 92 days later', [{ path: 'to', code: 'invalid_period', message: 'to must be after from, at most 92 days later' }]);
    const run = await runBacktest({
      store: deps.store,
      accountId,
      from,
      to,
      verify: body.verify === true,
      draft: (current) => {
        const parsed = draftRules({ policies: body.policies, schedules: body.schedules }, current);
        if (!parsed.ok) throw rejected.invalid('invalid_draft', parsed.errors[0]?.message ?? 'Invalid draft', parsed.errors);
        return parsed.rules;
      },
    });
    const { comparison } = run;
    const cut = <T>(items: readonly T[]) => ({ count: items.length, items: items.slice(0, SAMPLE) });
    return {
      from,
      to,
      tickets: comparison.tickets,
      byPolicy: comparison.byPolicy,
      byMetric: comparison.byMetric,
      breachesGained: cut(comparison.breachesGained),
      breachesLost: cut(comparison.breachesLost),
      policySwitches: cut(comparison.policySwitches),
      objectives: comparison.objectives,
      policyTitles: run.policyTitles,
      reproduction: run.reproduction,
    };
  });
}

function instantOf(value: unknown, path: 'from' | 'to'): number {
  try {
    if (typeof value !== 'string') throw new Error('not a string');
    return toEpochMillis(value);
  } catch {
    throw rejected.invalid('invalid_period', `${path} must be an ISO-8601 instant with an offset`, [{ path, code: 'invalid_instant', message: `${path} must be an ISO-8601 instant with an offset` }]);
  }
}
