import { useCallback, useEffect, useState } from 'react';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import { getZafValue } from '../../../zaf/zaf-client';
import { useZafSession } from '../../../zaf/use-zaf-client';
import { callAdmin, type AdminCallResult, type AdminIdentity } from './admin-call';

export type RunAdminCall = <T>(call: SlaServerCall<T>) => Promise<AdminCallResult<T>>;

/**
 * Signed calls to our server as the signed-in admin: null until Zendesk has said who that is (the token's `sub`).
 * The function keeps its identity across renders, so effects that depend on it run once.
 */
export function useAdminApi(): RunAdminCall | null {
  const { client, context, metadata } = useZafSession();
  const [identity, setIdentity] = useState<AdminIdentity | null>(null);
  const serverUrl = typeof metadata.settings.serverUrl === 'string' ? metadata.settings.serverUrl : '';

  useEffect(() => {
    let current = true;
    getZafValue(client, 'currentUser').then(
      (user) => current && setIdentity({ serverUrl, subdomain: context.account.subdomain, userId: user.id, role: user.role }),
      (cause: unknown) => console.error('[SLA Clock] Zendesk did not say who is signed in', cause),
    );
    return () => {
      current = false;
    };
  }, [client, context.account.subdomain, serverUrl]);

  const run = useCallback(<T,>(call: SlaServerCall<T>) => callAdmin(client, identity as AdminIdentity, call), [client, identity]);
  return identity ? run : null;
}
