import type { EpochMillis } from '../../core/time/instant';
import type { WritebackDesired } from '../store/sla-store';

/**
 * When a ticket's write-back may go to Zendesk.
 *
 * Zendesk's Update Ticket budget is about 100 calls a minute per account and 30 per ticket in 10 minutes, and a busy
 * account changes far more tickets than that. So a write that only refreshes what the ticket shows (due times,
 * status, a tag going away) waits for the end of the account's current write-back window: everything the account's
 * tickets need by then goes together, as one update_many, and several changes to one ticket within the window are
 * one write. Agents lose nothing by the wait: the sidebar computes the countdown itself.
 *
 * A write that adds a tag goes at once: our tags fire the "due soon" and "Out of SLA" email triggers, and those are
 * promised at the minute. The windows are aligned to the epoch with an offset per account, so every server process
 * agrees on them and accounts do not all flush at the same instant.
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
  const has = new Set(tags);
  if (windowMs <= 0 || [...desired.addTags, ...(desired.onceTags ?? [])].some((tag) => !has.has(tag))) return now;
  const offset = hashOf(accountId) % windowMs;
  return Math.ceil((now - offset) / windowMs) * windowMs + offset;
}

/** FNV-1a: a stable, well-spread number from the account id (no security role). */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
