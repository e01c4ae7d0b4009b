import { useCallback, useEffect, useRef, useState } from 'react';
import { loadStateOf, type CallResult, type LoadState } from '../load-state';
import { retryDelaySeconds } from './retry-delay';

export interface RetryingCall<T> {
  readonly state: LoadState<T>;
  /** Seconds left before the next automatic retry, while the last attempt has failed. */
  readonly retryInSeconds: number | null;
  readonly retryNow: () => void;
}

/**
 * Runs `call` (when not null) and, after a failure, retries it with growing delays (retryDelaySeconds), counting
 * down each second so that the UI can say when. While retrying, the state stays what it was: the last answer or
 * the failure. A success resets the delays.
 */
export function useRetryingCall<T>(call: (() => Promise<CallResult<T>>) | null): RetryingCall<T> {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [retryInSeconds, setRetryInSeconds] = useState<number | null>(null);
  const failuresInARow = useRef(0);

  useEffect(() => {
    if (!call) return;
    let current = true;
    setRetryInSeconds(null);
    call().then((result) => {
      if (!current) return;
      setState(loadStateOf(result));
      failuresInARow.current = result.ok ? 0 : failuresInARow.current + 1;
      if (!result.ok) setRetryInSeconds(retryDelaySeconds(failuresInARow.current));
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
