import { groupCommit } from '../../../src/server/store/group-commit';

describe('groupCommit', () => {
  it('writes calls made in the same turn as one batch, in order, and a later call as the next batch', async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: readonly number[]) => {
      batches.push([...items]);
      return items.map((n) => n * 10);
    });
    await expect(Promise.all([write(1), write(2), write(3)])).resolves.toEqual([10, 20, 30]);
    await expect(write(4)).resolves.toBe(40);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('splits at maxBatch', async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (items: readonly number[]) => {
      sizes.push(items.length);
      return items;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map(write));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('retries a failed batch item by item, so only the bad item fails', async () => {
    const write = groupCommit(async (items: readonly string[]) => {
      if (items.includes('bad')) throw new Error('constraint');
      return items.map((s) => s.toUpperCase());
    });
    const results = await Promise.allSettled([write('a'), write('bad'), write('c')]);
    expect(results).toEqual([
      { status: 'fulfilled', value: 'A' },
      { status: 'rejected', reason: new Error('constraint') },
      { status: 'fulfilled', value: 'C' },
    ]);
  });
});
