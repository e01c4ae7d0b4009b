import { useContext } from 'react';
import { ZafSessionContext, type ZafSession } from './ZafClientProvider';
import type { ZafClient } from './zaf-client';

/** A component that needs Zendesk was rendered outside <ZafClientProvider>: a programming error. */
export class ZafClientProviderMissingError extends Error {
  constructor(hook: string) {
    super(`${hook} was called outside <ZafClientProvider>; wrap the app in it (src/app/index.tsx does).`);
    this.name = 'ZafClientProviderMissingError';
  }
}

/** The registered ZAF session: client, context (location, ticketId, account) and metadata (settings). */
export function useZafSession(): ZafSession {
  const session = useContext(ZafSessionContext);
  if (!session) throw new ZafClientProviderMissingError('useZafSession');
  return session;
}

export function useZafClient(): ZafClient {
  const session = useContext(ZafSessionContext);
  if (!session) throw new ZafClientProviderMissingError('useZafClient');
  return session.client;
}
