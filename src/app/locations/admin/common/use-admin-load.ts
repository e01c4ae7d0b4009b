import { useCallback, useEffect, useState } from 'react';
import type { SlaServerCall } from '../../../sla-server/sla-server-api';
import type { LoadState } from '../../../load-state';
import type { RunAdminCall } from '../api/use-admin-api';

/** Loads `call` once the API is ready, and again on `reload()`; the last good value stays while reloading. */
export function useAdminLoad<T>(run: RunAdminCall | null, call: SlaServerCall<T>): { state: LoadState<T>; reload: () => void; set: (value: T) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!run) return;
    let current = true;
    void run(call).then((result) => {
      if (current) setState(result.ok ? { status: 'ready', value: result.value } : { status: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
  }, [run, call, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const set = useCallback((value: T) => setState({ status: 'ready', value }), []);
  return { state, reload, set };
}
