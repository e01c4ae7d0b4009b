import { DateTime } from 'luxon';

/** Zendesk writes instants as UTC ISO-8601 without milliseconds: "2026-11-22T10:00:00Z". */
export function formatZendeskTime(epochMs: number): string {
  return DateTime.fromMillis(epochMs, { zone: 'utc' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
}

/** Parses any ISO-8601 instant (with offset or Z); undefined when it is not one. */
export function parseIsoInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = DateTime.fromISO(value, { zone: 'utc', setZone: true });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

/** Zendesk compares update stamps at second precision (its timestamps have no milliseconds). */
export function toEpochSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}
