/** The error business-time arithmetic throws when a schedule has no open time within reach (three years). */
export function noOpenTime(direction: string): never {
  throw new RangeError(`No business time ${direction} within three years on this schedule`);
}
