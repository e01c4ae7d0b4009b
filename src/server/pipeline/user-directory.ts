import type { ZendeskClient } from '../zendesk/zendesk-client';
import type { KnownUser } from './zendesk-history';

/** Users per account this process has looked up: roles and emails change rarely, tickets mention the same people. */
const MAX_USERS_PER_ACCOUNT = 10_000;

export class UserDirectory {
  private readonly accounts = new Map<string, Map<string, KnownUser>>();

  /** Every one of `userIds` this account has, looking up (100 at a time) those not known yet. */
  async resolve(accountId: string, client: ZendeskClient, userIds: Iterable<string>): Promise<ReadonlyMap<string, KnownUser>> {
    let known = this.accounts.get(accountId);
    if (!known) this.accounts.set(accountId, (known = new Map()));
    const wanted = [...new Set(userIds)];
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length > 0) {
      if (known.size + missing.length > MAX_USERS_PER_ACCOUNT) known.clear();
      for (const user of await client.showUsers(missing)) {
        known.set(user.id, { role: user.role === 'end-user' ? 'end_user' : 'agent', email: user.email });
      }
    }
    return new Map(wanted.flatMap((id) => (known.has(id) ? [[id, known.get(id) as KnownUser] as const] : [])));
  }
}
