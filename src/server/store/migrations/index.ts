import type { Migration, MigrationProvider } from 'kysely';
import * as accountsAndSettings from './0001-accounts-and-settings';
import * as workQueues from './0002-work-queues';
import * as ticketSla from './0003-ticket-sla';
import * as zendeskLink from './0004-zendesk-link';
import * as policyVersionApply from './0005-policy-version-apply';
import * as reportIndexes from './0006-report-indexes';
import * as objectiveAlerts from './0007-objective-alerts';
import * as ticketHistories from './0008-ticket-histories';

/**
 * Migrations live in code (not read from a folder at run time), so the bundled server and the tests run the very
 * same list on SQLite and PostgreSQL. Names sort in the order they must run; never rename or edit a shipped one.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-accounts-and-settings': accountsAndSettings,
  '0002-work-queues': workQueues,
  '0003-ticket-sla': ticketSla,
  '0004-zendesk-link': zendeskLink,
  '0005-policy-version-apply': policyVersionApply,
  '0006-report-indexes': reportIndexes,
  '0007-objective-alerts': objectiveAlerts,
  '0008-ticket-histories': ticketHistories,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
