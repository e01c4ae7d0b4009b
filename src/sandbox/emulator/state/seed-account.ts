import { createEmptyState, type EmulatorState } from './emulator-state';
import { createGroup } from './groups';
import { seedSystemFields } from './ticket-fields';
import { createUser, type NewUser } from './users';

export interface AccountSeed {
  /** The account owner; API calls made with `apiTokens` and this email act as this admin. */
  readonly admin: { readonly name: string; readonly email: string };
  readonly apiTokens: readonly string[];
  /** OAuth access tokens, each acting as the admin. */
  readonly oauthTokens: readonly string[];
  /** More users (agents, end users), created after the admin; `groupIds` may name the default group 20001. */
  readonly users?: readonly NewUser[];
}

export const DEFAULT_SEED: AccountSeed = {
  admin: { name: 'Sandbox Admin', email: 'admin@sandbox.test' },
  apiTokens: ['sandbox-api-token'],
  oauthTokens: [],
};

/**
 * What a new Zendesk account has: the system ticket fields, a default group, and its owner (an admin, member of
 * that group). The admin is always user 10001 and the group 20001.
 */
export function seedAccount(state: EmulatorState, seed: AccountSeed, nowMs: number): void {
  seedSystemFields(state, nowMs);
  const group = createGroup(state, { name: 'Support' }, nowMs);
  const admin = createUser(state, { ...seed.admin, role: 'admin', groupIds: [group.id] }, nowMs);
  for (const token of seed.apiTokens) state.apiTokens.add(token);
  for (const token of seed.oauthTokens) state.oauthTokens.set(token, admin.id);
  for (const user of seed.users ?? []) createUser(state, user, nowMs);
}

/** Empties the account in place (the routes hold the same state object) and seeds it again. */
export function resetAccount(state: EmulatorState, seed: AccountSeed, nowMs: number): void {
  const fresh = createEmptyState(state.subdomain);
  for (const key of Object.keys(fresh) as (keyof EmulatorState)[]) {
    const current = state[key];
    if (current instanceof Map || current instanceof Set) current.clear();
  }
  state.outbox.length = 0;
  Object.assign(state.ids, fresh.ids);
  seedAccount(state, seed, nowMs);
}
