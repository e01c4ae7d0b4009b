import { DateTime } from 'luxon';
import type { EpochMillis } from '../../core/time/instant';

/*
 * What a ticket state's `zendeskUpdatedAt` says about the changes the server has seen.
 *
 * Zendesk stamps `updated_at` to the second, so a change made in the same second as the version we read carries
 * the same stamp. After reading version T, a webhook stamped T may bring a newer change (a trigger that our own
 * write fired, say) and must be read. After our own write that we could vouch for (its audit, or show_many after
 * an update_many, showed nothing but our fields and tags), the webhook stamped with the write's second W is our
 * echo and needs no read. The state keeps W + 1 ms for that: real stamps are whole seconds, so the extra
 * millisecond tells "vouched through W" from "read version W" with no second column.
 */

/** The state to keep after our write landed at `writtenAt` and we vouched it changed nothing else. */
export const vouchedThrough = (writtenAt: EpochMillis): EpochMillis => writtenAt + 1;

/** True when a change stamped `updatedAt` is one the state already covers. */
export const alreadySeen = (updatedAt: EpochMillis, seen: EpochMillis): boolean => updatedAt < seen;

/** The `updated_stamp` for a safe update: the version we last read or wrote, to the second as Zendesk gives it. */
export const stampOf = (seen: EpochMillis): string =>
  DateTime.fromMillis(Math.floor(seen / 1000) * 1000, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;
