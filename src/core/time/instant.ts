import { DateTime } from 'luxon';

/**
 * An instant on the time line as the engine stores it: milliseconds since the Unix epoch (UTC).
 * Plain numbers keep the hot paths (thousands of events per assessment) free of parsing and allocation.
 */
export type EpochMillis = number;

/** What public functions accept as an instant. ISO strings must carry an offset or `Z`. */
export type InstantInput = Date | string | DateTime | EpochMillis;

/** Converts any accepted instant to epoch milliseconds; throws a named error on an invalid or offset-less input. */
export function toEpochMillis(input: InstantInput): EpochMillis {
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new RangeError(`Invalid instant: ${input}`);
    return input;
  }
  if (input instanceof Date) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) throw new RangeError('Invalid instant: Invalid Date');
    return ms;
  }
  if (typeof input === 'string') {
    // An ISO string without an offset would be read in some zone we did not choose: refuse it.
    if (!/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(input.trim())) {
      throw new RangeError(`Invalid instant "${input}": an ISO-8601 instant needs an offset or Z`);
    }
    const parsed = DateTime.fromISO(input, { setZone: true });
    if (!parsed.isValid) throw new RangeError(`Invalid instant "${input}": ${parsed.invalidExplanation ?? parsed.invalidReason}`);
    return parsed.toMillis();
  }
  if (!input.isValid) throw new RangeError(`Invalid instant: ${input.invalidExplanation ?? input.invalidReason}`);
  return input.toMillis();
}

/** An instant as an ISO-8601 string in UTC, second precision or better (for storage and JSON). */
export function toIsoUtc(ms: EpochMillis): string {
  return new Date(ms).toISOString();
}
