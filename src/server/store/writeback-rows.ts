import { millisOf, type WritebackRow } from './database';
import type { ClaimedWriteback, WritebackDesired } from './sla-store';

export function writebackRowToClaim(row: WritebackRow): ClaimedWriteback {
  return {
    accountId: row.account_id,
    ticketId: row.ticket_id,
    desired: JSON.parse(row.desired) as WritebackDesired,
    revision: row.revision,
    attempts: row.attempts,
    leaseUntil: millisOf(row.lease_until ?? 0),
  };
}
