/**
 * A time of day as minutes after local midnight, 0…1440, where 1440 is "24:00", the end of the day (biz's
 * "endnight"). Kept as a number so that comparisons and overnight arithmetic stay plain.
 */
export type DayTime = number;

export const END_OF_DAY: DayTime = 1440;

/** "H:MM" or "HH:MM", 00:00…24:00; null when malformed or out of range. */
export function parseDayTime(text: string): DayTime | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/**
 * One opening of a day: from `start` to `end` minutes after that day's midnight. `end` may exceed 1440 for an
 * overnight interval ("22:00"–"06:00" is 1320…1800), which belongs to its start day.
 */
export interface DayInterval {
  readonly start: DayTime;
  readonly end: number;
}

/** An interval as written: an end at or before its start runs overnight into the next day. */
export function toDayInterval(start: DayTime, end: DayTime): DayInterval {
  return { start, end: end <= start ? end + END_OF_DAY : end };
}
