import type { FastifyReply, FastifyRequest } from 'fastify';
import { decodeJwt, jwtVerify } from 'jose';
import type { Clock } from '../clock';
import type { SlaStore } from '../store/sla-store';
import { rejected } from './http-errors';

/**
 * Who is calling the app API. Zendesk's proxy signs a JWT for the app (HS256 with the app's secure `sharedSecret`
 * setting, see src/app/sla-server/sla-server-api.ts): `iss` is the Zendesk subdomain, which names the account,
 * `sub` the agent's user id, `exp` is required. Every app route reads and writes this account's rows only.
 */
export interface AppCaller {
  readonly accountId: string;
  readonly subdomain: string;
  readonly userId: string | null;
  readonly role: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    appCaller: AppCaller | null;
  }
}

/** The proxy and our server keep separate clocks: accept this much disagreement on `exp`/`nbf`/`iat`. */
const CLOCK_TOLERANCE_SECONDS = 30;

export function appAuthHook({ store, clock }: { store: SlaStore; clock: Clock }) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.appCaller = await verifyAppToken({ store, clock, authorization: request.headers.authorization });
  };
}

/** The caller of an app route; only routes behind `appAuthHook` may ask. */
export function appCallerOf(request: FastifyRequest): AppCaller {
  if (!request.appCaller) throw new Error('appCallerOf used on a route without appAuthHook');
  return request.appCaller;
}

async function verifyAppToken(input: { store: SlaStore; clock: Clock; authorization: string | undefined }): Promise<AppCaller> {
  const token = /^Bearer (\S+)$/i.exec(input.authorization ?? '')?.[1];
  if (!token) throw rejected.unauthorized('missing_token', 'Authorization: Bearer <JWT> is required');
  // The issuer picks the secret, so it is read before verifying; a forged issuer then fails verification.
  let issuer: unknown;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw rejected.unauthorized('invalid_token', 'Token is not a JWT');
  }
  const account = typeof issuer === 'string' ? await input.store.findAccountBySubdomain(issuer) : null;
  if (!account?.appSharedSecret) throw rejected.unauthorized('invalid_token', 'Token issuer is not a known account');
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(account.appSharedSecret), {
      algorithms: ['HS256'],
      issuer: account.subdomain,
      requiredClaims: ['exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: new Date(input.clock.now()),
    });
    const role = (payload as { role?: unknown }).role;
    return {
      accountId: account.id,
      subdomain: account.subdomain,
      userId: payload.sub ?? null,
      role: typeof role === 'string' ? role : null,
    };
  } catch {
    // One answer for bad signature, expiry and missing claims: the details help an attacker more than a client.
    throw rejected.unauthorized('invalid_token', 'Token is invalid or expired');
  }
}
