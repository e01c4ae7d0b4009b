import { formatInstant, formatRelative, formatUtc } from '../../../../src/sandbox/desk/pages/format';

describe('format', () => {
  it('shows instants in UTC whatever the machine’s zone', () => {
    expect(formatUtc(Date.parse('2026-11-23T00:05:00+09:00'))).toBe('Sun 22 Nov, 15:05 UTC');
    expect(formatInstant('2026-03-29T01:30:00Z')).toBe('Sun 29 Mar, 01:30 UTC');
    expect(formatInstant(null)).toBe('');
    expect(formatInstant('soon')).toBe('soon');
  });

  it('says how far a due time is, in minutes, hours or days', () => {
    const now = Date.parse('2026-11-23T15:00:00Z');
    expect(formatRelative('2026-11-23T15:40:00Z', now)).toBe('in 40 min');
    expect(formatRelative('2026-11-23T12:00:00Z', now)).toBe('3 h ago');
    expect(formatRelative('2026-11-27T15:00:00Z', now)).toBe('in 4 d');
  });
});
