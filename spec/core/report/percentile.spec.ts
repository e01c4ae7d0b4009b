import fc from 'fast-check';
import { percentile, percentileRank } from '../../../src/core/report';

describe('percentile (nearest rank)', () => {
  it.each([
    [[1, 2, 3, 4], 0.5, 2],
    [[1, 2, 3, 4], 0.9, 4],
    [[7], 0.5, 7],
    [[7], 0.9, 7],
    [[5, 1, 3], 0.5, 3],
    [[10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9, 90],
    [[], 0.5, null],
  ])('of %j at %d is %p', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('picks rank ceil(p × n) despite floating-point noise (0.9 × 10 is not exactly 9)', () => {
    expect(percentileRank(0.9, 10)).toBe(9);
    expect(percentileRank(0.5, 1)).toBe(1);
    expect(() => percentileRank(0, 3)).toThrow(RangeError);
  });

  it('of a shuffled 1…n is the rank itself, and at least p of the values are at or below it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 100 }), fc.infiniteStream(fc.nat()), (n, percent, noise) => {
        const values = Array.from({ length: n }, (_, i) => i + 1);
        const shuffled = values.map((v) => [noise.next().value, v] as const).sort((a, b) => a[0] - b[0]).map(([, v]) => v);
        const result = percentile(shuffled, percent / 100);
        expect(result).toBe(Math.ceil((percent * n) / 100));
        expect(values.filter((v) => v <= result!).length * 100).toBeGreaterThanOrEqual(percent * n);
      }),
    );
  });
});
