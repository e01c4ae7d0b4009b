import { forbidden, unauthenticated } from '../state/api-error';
import type { EmulatorState } from '../state/emulator-state';
import type { UserRecord } from '../state/records';
import { findUserByEmail } from '../state/users';

/**
 * Who a request acts as. Accepted, as in Zendesk:
 * - API token: `Authorization: Basic base64("{email}/token:{api_token}")`, any account token with any user's email;
 * - OAuth: `Authorization: Bearer {access_token}`.
 * Password authentication is refused: Zendesk has switched it off for API use.
 */
export function authenticate(state: EmulatorState, header: string | undefined): UserRecord {
  const [scheme, credentials] = (header ?? '').split(' ', 2);
  if (scheme?.toLowerCase() === 'bearer' && credentials) {
    const user = state.users.get(state.oauthTokens.get(credentials) ?? 0);
    if (user) return user;
  }
  if (scheme?.toLowerCase() === 'basic' && credentials) {
    const decoded = Buffer.from(credentials, 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    const login = decoded.slice(0, separator);
    const secret = decoded.slice(separator + 1);
    const email = login.endsWith('/token') ? login.slice(0, -'/token'.length) : undefined;
    const user = email === undefined ? undefined : findUserByEmail(state, email);
    if (separator > 0 && user && state.apiTokens.has(secret)) return user;
  }
  throw unauthenticated();
}

/** Admin-only endpoints (fields, triggers, webhooks, exports) refuse agents; ticket endpoints refuse end users. */
export function requireRole(user: UserRecord, role: 'agent' | 'admin'): void {
  const allowed = role === 'admin' ? user.role === 'admin' : user.role !== 'end-user';
  if (!allowed) throw forbidden();
}
