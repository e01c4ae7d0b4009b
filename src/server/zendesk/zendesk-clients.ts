import type { Clock } from '../clock';
import type { Account } from '../store/sla-store';
import { ZendeskClient } from './zendesk-client';
import { AccountBudget } from './zendesk-http';

/**
 * One client per account, kept for the process's life so that the account's rate-limit pause (AccountBudget) is
 * shared by every worker in it. A changed URL or credential (an admin rotated the token) makes a new client.
 */
export class ZendeskClients {
  private readonly clients = new Map<string, { readonly key: string; readonly client: ZendeskClient }>();
  private readonly budgets = new Map<string, AccountBudget>();

  constructor(
    private readonly clock: Clock,
    private readonly onResponse?: (outcome: { method: string; status: number | null }) => void,
  ) {}

  for(account: Account): ZendeskClient {
    const key = JSON.stringify([account.zendeskUrl, account.credentials]);
    const cached = this.clients.get(account.id);
    if (cached?.key === key) return cached.client;
    let budget = this.budgets.get(account.id);
    if (!budget) this.budgets.set(account.id, (budget = new AccountBudget()));
    const client = new ZendeskClient({
      baseUrl: account.zendeskUrl,
      credentials: account.credentials,
      clock: this.clock,
      budget,
      ...(this.onResponse ? { onResponse: this.onResponse } : {}),
    });
    this.clients.set(account.id, { key, client });
    return client;
  }
}
