import { createContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ZafClient, ZafContext, ZafMetadata, ZafSdk } from './zaf-client';

/** The client together with what Zendesk told it at registration. */
export interface ZafSession {
  readonly client: ZafClient;
  readonly context: ZafContext;
  readonly metadata: ZafMetadata;
}

export const ZafSessionContext = createContext<ZafSession | null>(null);

type ProviderState =
  | { readonly status: 'waiting' }
  | { readonly status: 'outside_zendesk' }
  | { readonly status: 'registered'; readonly session: ZafSession };

interface Props {
  readonly children: ReactNode;
  /** Shown when the page is not inside a Zendesk iframe (no origin/app_guid in its URL). */
  readonly outsideZendesk?: ReactNode;
  /** The SDK global; defaults to `window.ZAFClient`, read when the effect runs (never at import). */
  readonly sdk?: () => ZafSdk | undefined;
}

const windowSdk = (): ZafSdk | undefined => window.ZAFClient;

/**
 * Starts the ZAF client and renders its children only once Zendesk has registered the app, so that every component
 * below can rely on `context` and `metadata` being there. `init()` runs in an effect, not when a module is imported.
 */
export default function ZafClientProvider({ children, outsideZendesk = null, sdk = windowSdk }: Props) {
  const [state, setState] = useState<ProviderState>({ status: 'waiting' });

  // One client per provider, kept across StrictMode's simulated remount (a second init would handshake twice).
  const clientRef = useRef<ZafClient | false | null>(null);

  useEffect(() => {
    clientRef.current ??= sdk()?.init() ?? false;
    const client = clientRef.current;
    if (!client) {
      setState({ status: 'outside_zendesk' });
      return;
    }
    // context() and metadata() resolve on `app.registered`, or at once if it already happened.
    let current = true;
    Promise.all([client.context(), client.metadata()]).then(([context, metadata]) => {
      if (current) setState({ status: 'registered', session: { client, context, metadata } });
    });
    return () => {
      current = false;
    };
  }, [sdk]);

  switch (state.status) {
    case 'waiting':
      return null;
    case 'outside_zendesk':
      return <>{outsideZendesk}</>;
    case 'registered':
      return <ZafSessionContext.Provider value={state.session}>{children}</ZafSessionContext.Provider>;
  }
}
