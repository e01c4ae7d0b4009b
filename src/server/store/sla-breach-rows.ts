import type { MetricName } from '../../core/policy/metric-name';
import type { Insertable } from 'kysely';
import { millisOf, type SlaBreachesTable, type SlaBreachRow } from './database';
import type { SlaBreach } from './sla-store';

export function slaBreachRowToBreach(row: SlaBreachRow): SlaBreach {
  return {
    accountId: row.account_id,
    ticketId: row.ticket_id,
    metric: row.metric as MetricName,
    instance: row.instance,
    policyId: row.policy_id,
    breachedAt: millisOf(row.breached_at),
    recordedAt: millisOf(row.recorded_at),
  };
}

export function slaBreachToRow(breach: SlaBreach): Insertable<SlaBreachesTable> {
  return {
    account_id: breach.accountId,
    ticket_id: breach.ticketId,
    metric: breach.metric,
    instance: breach.instance,
    policy_id: breach.policyId,
    breached_at: breach.breachedAt,
    recorded_at: breach.recordedAt,
  };
}
