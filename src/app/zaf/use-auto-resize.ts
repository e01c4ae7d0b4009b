import { useEffect } from 'react';
import type { ZafClient } from './zaf-client';

/**
 * Keeps the iframe as tall as the page's content (document.body, padding included): Zendesk sizes a sidebar app
 * only when asked (`invoke('resize')`), so without this a notice that grows would be cut off or leave a gap.
 * Asks again only when the height changes.
 */
export function useAutoResize(client: ZafClient): void {
  useEffect(() => {
    let lastHeight = -1;
    const resize = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height === lastHeight) return;
      lastHeight = height;
      void client.invoke('resize', { width: '100%', height: `${height}px` });
    };
    const observer = new ResizeObserver(resize);
    observer.observe(document.body);
    resize();
    return () => observer.disconnect();
  }, [client]);
}
