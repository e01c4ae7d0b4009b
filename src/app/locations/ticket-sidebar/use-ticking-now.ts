import { useEffect, useState } from 'react';

/**
 * The server's now, ticking every second: the browser's clock plus `offsetMs` (server minus browser, measured
 * when the answer arrived), so a browser clock that is off does not move due times. The clock is read at render
 * (the state only makes the component render each second), so the render that brings a new answer already shows
 * it at the server's now, never at a moment before the server assessed it. Ticks land just after each whole
 * second, so the countdown's seconds change together.
 */
export function useTickingNow(offsetMs: number): number {
  const [, setTicks] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setTicks((n) => n + 1);
      timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    };
    timer = setTimeout(tick, 1000 - (Date.now() % 1000) + 5);
    return () => clearTimeout(timer);
  }, []);
  return Date.now() + offsetMs;
}
