import { InvalidCalendarInputError } from './calendar.errors';
import { FixedClock, SystemClock } from './clock';

describe('Clock', () => {
  it('FixedClock stands still, can be set and advanced, and hands out copies', () => {
    const clock = new FixedClock('2026-02-13T16:30:00+08:00');
    const first = clock.now();
    first.setTime(0);
    expect(clock.now().toISOString()).toBe('2026-02-13T08:30:00.000Z');
    clock.advance(90 * 60_000);
    expect(clock.now().toISOString()).toBe('2026-02-13T10:00:00.000Z');
    clock.set(new Date('2026-10-08T01:00:00Z'));
    expect(clock.now().toISOString()).toBe('2026-10-08T01:00:00.000Z');
    expect(() => clock.set('not a date')).toThrow(InvalidCalendarInputError);
  });

  it('SystemClock reads the wall clock', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
