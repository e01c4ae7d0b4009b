const UTC_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * How the desk shows instants, e.g. "Mon 23 Nov, 15:00 UTC": in UTC, the emulator's and the SLA fields' zone, so
 * what the desk shows can be compared with the API without converting. Plain Intl, so that the page's ticking
 * clock (browser) and the server-rendered pages print the same text without shipping luxon to the browser.
 */
export function formatUtc(epochMs: number): string {
  const part = Object.fromEntries(UTC_PARTS.formatToParts(epochMs).map((p) => [p.type, p.value]));
  return `${part.weekday} ${part.day} ${part.month}, ${part.hour}:${part.minute} UTC`;
}

export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatUtc(ms);
}

/** "in 42 min", "3 h ago": how far `iso` is from `nowMs`, for due times. */
export function formatRelative(iso: string, nowMs: number): string {
  const minutes = Math.round((Date.parse(iso) - nowMs) / 60_000);
  const size = Math.abs(minutes);
  const amount = size < 60 ? `${size} min` : size < 48 * 60 ? `${Math.round(size / 60)} h` : `${Math.round(size / 1440)} d`;
  return minutes >= 0 ? `in ${amount}` : `${amount} ago`;
}

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  hold: 'On-hold',
  solved: 'Solved',
  closed: 'Closed',
};

export const PRIORITY_LABELS: Readonly<Record<string, string>> = { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' };
