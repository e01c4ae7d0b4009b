import { DateTime } from 'luxon';
import { toEpochMillis, toIsoUtc } from '../../../src/core/time/instant';

describe('toEpochMillis', () => {
  const expected = Date.UTC(2026, 2, 29, 1, 30);

  it.each([
    ['an ISO string with Z', '2026-03-29T01:30:00Z'],
    ['an ISO string with an offset', '2026-03-29T03:30:00+02:00'],
    ['a Date', new Date(expected)],
    ['a luxon DateTime in another zone', DateTime.fromISO('2026-03-28T21:30:00', { zone: 'America/New_York' })],
    ['epoch milliseconds', expected],
  ])('accepts %s', (_label, input) => {
    expect(toEpochMillis(input)).toBe(expected);
  });

  it('refuses an ISO string without an offset, which would be read in an unchosen zone', () => {
    expect(() => toEpochMillis('2026-03-29T01:30:00')).toThrow(/needs an offset/);
  });

  it.each([['garbage'], ['2026-13-01T00:00:00Z']])('refuses the malformed string %s', (input) => {
    expect(() => toEpochMillis(input)).toThrow(RangeError);
  });

  it('refuses an invalid Date and NaN', () => {
    expect(() => toEpochMillis(new Date('nope'))).toThrow(RangeError);
    expect(() => toEpochMillis(Number.NaN)).toThrow(RangeError);
  });
});

describe('toIsoUtc', () => {
  it('writes UTC with milliseconds', () => {
    expect(toIsoUtc(Date.UTC(2024, 1, 29, 23, 59, 59))).toBe('2024-02-29T23:59:59.000Z');
  });
});
