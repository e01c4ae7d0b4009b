import type { EpochMillis } from '../../core/time/instant';
import type { WritebackDesired } from '../store/sla-store';
import { isOutTag } from './managed-tags';

/**
 * The longest a write that adds a "due soon" tag waits: the warning is promised at the minute, and a quarter of
 * it lets the warnings of tickets falling due within the same few seconds (a morning's queue) go to Zendesk as one
 * update_many instead of one call each. A breach's tag ("Out of SLA", with any budget alert it brings) waits for
 * nothing: it is promised within seconds of the due time.
 */
export const EMAIL_SLOT_MS = 15_000;

/**
 * When a ticket's write-back may go to Zendesk.
 *
 * Zendesk's Update Ticket budget is about 100 calls a minute per account and 30 per ticket in 10 minutes, and a busy
 * account changes far more tickets than that. So a write that only refreshes what the ticket shows (due times,
 * status, a tag going away) waits for the end of the account's current write-back window: everything the account's
 * tickets need by then goes together, as one update_many, and several changes to one ticket within the window are
 * one write. Agents lose nothing by the wait: the sidebar computes the countdown itself. A write that goes earlier
 * for the account takes the waiting ones along (claimWritebacks), so they often go sooner than their window's end.
 *
 * A write that adds a breach's tag goes at once; one that adds only a warning's waits at most for the end of the
 * account's email slot (EMAIL_SLOT_MS, or the window if shorter). Windows and slots are aligned to the epoch with
 * an offset per account, so every server process agrees on them, accounts do not all write at the same instant,
 * and (with a window a whole number of slots long) every window ends with a slot. With no window everything goes
 * at once.
 */
export function writebackNotBefore(input: {
  readonly now: EpochMillis;
  readonly windowMs: number;
  readonly accountId: string;
  /** The ticket's tags as Zendesk shows them, or as they will be once the write already queued lands. */
  readonly tags: readonly string[];
  readonly desired: WritebackDesired;
}): EpochMillis {
  const { now, windowMs, accountId, tags, desired } = input;
  if (windowMs <= 0) return now;
  const has = new Set(tags);
  const added = [...desired.addTags, ...(desired.onceTags ?? [])].filter((tag) => !has.has(tag));
  if (added.some(isOutTag)) return now;
  const offset = hashOf(accountId) % windowMs;
  return nextBoundary(now, added.length > 0 ? Math.min(EMAIL_SLOT_MS, windowMs) : windowMs, offset);
}

/** The first instant at or after `now` that is `offset` past a whole number of `period`s since the epoch. */
const nextBoundary = (now: EpochMillis, period: number, offset: number): EpochMillis => Math.ceil((now - offset) / period) * period + offset;

/** FNV-1a: a stable, well-spread number from the account id (no security role). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
