import type { FastifyInstance } from 'fastify';
import type { UserRecord } from '../../state/records';
import { requireRole } from '../authenticate';
import { pathUrl, queryOf, type EmulatorRuntime } from '../emulator-runtime';
import { userJson } from '../json/user-json';
import { paginate } from '../pagination';

/** The user properties a `key:value` term may name; Zendesk knows more, these are the ones a client here needs. */
const TERM_KEYS = ['email', 'name', 'role'] as const;

/**
 * GET /api/v2/users/search (SearchUsers): `query` in a small part of Zendesk's search syntax, the terms ANDed:
 * `email:ann@example.com` (whole address, any case), `name:ann` and bare words (part of the name or email, any
 * case), `role:end-user`. `external_id` matches nobody (the emulator keeps none). Offset pagination, as in Zendesk.
 * Zendesk's index lags a new user by seconds; the emulator's does not, so a client must not rely on either.
 */
export function registerUserSearchRoute(app: FastifyInstance, runtime: EmulatorRuntime): void {
  const { state } = runtime;
  app.get('/api/v2/users/search', async (request) => {
    requireRole(runtime.actor(request), 'agent');
    const query = queryOf(request);
    const terms = (query.query ?? '').split(/\s+/).filter((term) => term !== '');
    const users = query.external_id !== undefined ? [] : [...state.users.values()].filter((user) => terms.length > 0 && terms.every((term) => matches(user, term)));
    const page = paginate(users.sort((a, b) => a.id - b.id), query, pathUrl(runtime, request));
    return { users: page.items.map((user) => userJson(state, user)), ...page.body };
  });
}

function matches(user: UserRecord, term: string): boolean {
  const [key, ...rest] = term.split(':');
  const value = rest.join(':').toLowerCase();
  if (rest.length > 0 && TERM_KEYS.includes(key as (typeof TERM_KEYS)[number])) {
    if (key === 'email') return user.email === value;
    if (key === 'name') return user.name.toLowerCase().includes(value);
    return user.role === value;
  }
  const word = term.toLowerCase();
  return user.name.toLowerCase().includes(word) || user.email.includes(word);
}
