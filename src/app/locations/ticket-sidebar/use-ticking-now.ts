import { useEffect, useState } from 'react';

/**
 * The server's now, ticking every second: the browser's clock plus `offsetMs` (server minus browser, measured
 * when the answer arrived), so a browser clock that is off does not move due times. Ticks land just after each
 * whole second, so the countdown's seconds change together.
 */
export function useTickingNow(offsetMs: number): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const browserNow = Date.now();
      setNow(browserNow + offsetMs);
      timer = setTimeout(tick, 1000 - (browserNow % 1000) + 5);
    };
    tick();
    return () => clearTimeout(timer);
  }, [offsetMs]);
  return now;
}
