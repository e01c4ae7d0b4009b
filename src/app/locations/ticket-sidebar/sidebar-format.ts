import { DateTime, IANAZone } from 'luxon';
import type { Translate } from '../../i18n/translate';

/** What every sidebar text needs: the agent's language, Zendesk locale and IANA time zone, and the instant shown. */
export interface SidebarFormat {
  readonly t: Translate;
  /** A BCP 47 tag for Intl (the agent's Zendesk locale, e.g. `ja` or `en-US`). */
  readonly locale: string;
  /** The agent's Zendesk time zone (`currentUser.timeZone.ianaName`). */
  readonly zone: string;
  /** Epoch millis: the live now, on the server's clock. */
  readonly now: number;
}

const DAY_SECONDS = 86_400;
const WEEK_MS = 7 * DAY_SECONDS * 1000;

/**
 * A span of minutes in words, sign dropped: "1 d 4 h" from a day on, "2 h 10 m 5 s" below it (seconds so the
 * countdown visibly ticks), or without seconds when `seconds` is false ("2 h 10 m").
 */
export function formatDuration(minutes: number, t: Translate, { seconds = true }: { seconds?: boolean } = {}): string {
  const total = Math.floor(Math.abs(minutes) * 60 + 1e-6);
  const d = Math.floor(total / DAY_SECONDS);
  const h = Math.floor((total % DAY_SECONDS) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d > 0) return t('sidebar.duration.days_hours', { days: d, hours: h });
  if (!seconds) return h > 0 ? t('sidebar.duration.hours_minutes', { hours: h, minutes: m }) : t('sidebar.duration.minutes', { minutes: m });
  if (h > 0) return t('sidebar.duration.hours_minutes_seconds', { hours: h, minutes: m, seconds: s });
  return t('sidebar.duration.minutes_seconds', { minutes: m, seconds: s });
}

/**
 * An instant in the agent's zone and locale: weekday and time within a week of now ("Tue 09:30"), else the date
 * and time, so a due time is never ambiguous.
 */
export function formatInstant(ms: number, { locale, zone, now }: Pick<SidebarFormat, 'locale' | 'zone' | 'now'>): string {
  const at = DateTime.fromMillis(ms, { zone, locale });
  const near = Math.abs(ms - now) < WEEK_MS - DAY_SECONDS * 1000;
  return at.toLocaleString(
    near ? { weekday: 'short', hour: 'numeric', minute: '2-digit' } : { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' },
  );
}

/**
 * The zone and Intl locale to show times in, from Zendesk's `currentUser`. A zone or tag the browser cannot use
 * falls back (UTC, the app's own locale) rather than throwing on every tick: luxon is set to throw on invalid dates.
 */
export function agentClockSettings(user: { timeZone?: { ianaName?: string } | null; locale?: string | null }, fallbackLocale: string): { zone: string; locale: string } {
  const ianaName = user.timeZone?.ianaName ?? '';
  const zone = IANAZone.isValidZone(ianaName) ? ianaName : 'UTC';
  return { zone, locale: isUsableLocale(user.locale) ? user.locale : fallbackLocale };
}

function isUsableLocale(tag: string | null | undefined): tag is string {
  if (!tag) return false;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}
