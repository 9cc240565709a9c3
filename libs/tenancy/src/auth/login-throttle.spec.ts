import { delayAfterFailures } from './login-throttle';

describe('login delay per account', () => {
  it('after n consecutive failures the next attempt waits: none for the first three attempts, then 1, 2, 4 … s, never over 60', () => {
    const delays = Array.from({ length: 12 }, (_, i) => delayAfterFailures(i + 1));
    expect(delays).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 60, 60, 60, 60]);
    expect(delayAfterFailures(10_000)).toBe(60);
  });
});
