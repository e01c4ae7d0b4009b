import { useCallback, useEffect, useState } from 'react';
import { loadStateOf, type CallResult, type LoadState } from '../load-state';
import { retryDelaySeconds } from './retry-delay';

export interface RetryingCall<T> {
  readonly state: LoadState<T>;
  /** Seconds left before the next automatic retry, while the last attempt has failed. */
  readonly retryInSeconds: number | null;
  readonly retryNow: () => void;
}

/**
 * Runs `call` (when not null), and after a failure retries it with growing delays, counting down each second so
 * that the UI can say when. A new `call` (its identity changes with what it fetches) starts over.
 */
export function useRetryingCall<T>(call: (() => Promise<CallResult<T>>) | null): RetryingCall<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [retryInSeconds, setRetryInSeconds] = useState<number | null>(null);

  useEffect(() => setAttempt(0), [call]);

  useEffect(() => {
    if (!call) return;
    let current = true;
    setRetryInSeconds(null);
    call().then((result) => {
      if (!current) return;
      setState(loadStateOf(result));
      if (!result.ok) setRetryInSeconds(retryDelaySeconds(attempt + 1));
    });
    return () => {
      current = false;
    };
  }, [call, attempt]);

  useEffect(() => {
    if (retryInSeconds === null) return;
    const timer = setTimeout(() => {
      if (retryInSeconds <= 1) setAttempt((n) => n + 1);
      else setRetryInSeconds(retryInSeconds - 1);
    }, 1000);
    return () => clearTimeout(timer);
  }, [retryInSeconds]);

  const retryNow = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retryInSeconds, retryNow };
}
