import { formatUtc } from '../pages/format';

/**
 * Keeps the header's emulator time moving between page loads. The emulator's clock runs with real time plus an
 * offset (until someone moves it), so the page keeps that offset from its own clock.
 */
export function tickClock(element: HTMLTimeElement): void {
  const offsetMs = Date.parse(element.dateTime) - Date.now();
  if (Number.isNaN(offsetMs)) return;
  setInterval(() => {
    element.textContent = formatUtc(Date.now() + offsetMs);
  }, 1000);
}
