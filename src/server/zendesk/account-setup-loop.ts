import fs from 'node:fs';
import path from 'node:path';
import type { ServerConfig } from '../config';
import { runEvery, type RunningLoop } from '../jobs/run-every';
import { countZendeskResponses } from '../http/server-metrics';
import type { JobContext } from '../main';
import { setUpAccount, type Requirements } from './account-setup';
import { ZendeskClients } from './zendesk-clients';

/** Setup runs at start and then hourly: it repairs what an admin deleted (a field, the trigger) within the hour. */
const SETUP_INTERVAL_MS = 60 * 60_000;

/**
 * For a configured account with the app's installation id and this server's public URL: run the idempotent setup
 * now and every hour. Without them the server cannot be reached by Zendesk, so it says what is missing instead.
 */
export function startAccountSetup(config: ServerConfig, context: JobContext): RunningLoop[] {
  const { zendesk } = config;
  if (zendesk.mode !== 'account') return [];
  if (zendesk.installationId === null || config.publicUrl === null) {
    context.log.warn('ZENDESK_APP_INSTALLATION_ID and PUBLIC_URL are needed to connect the account (webhook, triggers); not set up');
    return [];
  }
  const requirements = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../requirements.json'), 'utf8')) as Requirements;
  const clients = new ZendeskClients(context.clock, context.metrics && countZendeskResponses(context.metrics));
  const installationId = zendesk.installationId;
  const publicUrl = config.publicUrl;
  return [
    runEvery({
      name: 'account-setup',
      intervalMs: SETUP_INTERVAL_MS,
      onError: (error) => context.log.error({ err: error }, 'account setup failed; retrying within the hour'),
      task: async () => {
        const account = await context.store.findAccountBySubdomain(zendesk.subdomain);
        if (!account) return;
        await setUpAccount({ store: context.store, client: clients.for(account), account, installationId, publicUrl, requirements, now: context.clock.now(), log: context.log });
        context.log.info({ subdomain: account.subdomain }, 'account connected: webhook, signing secret and triggers in place');
      },
    }),
  ];
}
