import { isoInstant, money } from './sql-values';

describe('raw PostgreSQL values', () => {
  it('reads timestamptz text as ISO 8601 UTC', () => {
    expect(isoInstant('2026-03-11 02:00:00+00')).toBe('2026-03-11T02:00:00.000Z');
    expect(isoInstant('2026-03-11 10:00:00.5+08')).toBe('2026-03-11T02:00:00.500Z');
    expect(isoInstant('2026-03-11 10:00:00+05:30')).toBe('2026-03-11T04:30:00.000Z');
    expect(isoInstant(null)).toBeNull();
  });

  it('keeps numeric money as text with two decimals, never through a float', () => {
    expect(money('1000')).toBe('1000.00');
    expect(money('400.5')).toBe('400.50');
    expect(money('9999999999999999.99')).toBe('9999999999999999.99');
    expect(money(null)).toBeNull();
  });
});
