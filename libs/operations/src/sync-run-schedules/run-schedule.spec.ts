import { dailyPattern, schedulerIdOf } from './run-schedule';

describe('the nightly run fires at the tenant’s local time (default 01:00)', () => {
  it('01:00 is the cron pattern "0 1 * * *"', () => {
    expect(dailyPattern()).toBe('0 1 * * *');
  });

  it('22:30 is "30 22 * * *"', () => {
    expect(dailyPattern('22:30')).toBe('30 22 * * *');
  });

  it('refuses 24:00 and 1:00', () => {
    expect(() => dailyPattern('24:00')).toThrow(/HH:MM/);
    expect(() => dailyPattern('1:00')).toThrow(/HH:MM/);
  });

  it('one scheduler id per tenant and kind', () => {
    expect(schedulerIdOf('t1')).toBe('escalation:t1');
  });
});
