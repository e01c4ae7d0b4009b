import { retryDelaySeconds } from '../../../src/app/sla-server/retry-delay';

describe('retryDelaySeconds', () => {
  it('doubles from 5 s and stays at 60 s', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(retryDelaySeconds)).toEqual([5, 10, 20, 40, 60, 60, 60]);
  });
});
