import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  daysBetween,
  formatLocalDate,
  isLocalDate,
  LocalDate,
  parseLocalDate,
} from './local-date';

describe('LocalDate', () => {
  it("parses 'YYYY-MM-DD' into parts and formats back", () => {
    expect(parseLocalDate('2026-03-05')).toEqual({ year: 2026, month: 3, day: 5 });
    expect(formatLocalDate({ year: 2026, month: 3, day: 5 })).toBe('2026-03-05');
  });

  it('refuses non-days and sloppy shapes: 2026-02-30, 2025-02-29, 2026-3-5', () => {
    expect(() => parseLocalDate('2026-02-30')).toThrow(/no such calendar day/);
    expect(() => parseLocalDate('2025-02-29')).toThrow(/no such calendar day/);
    expect(() => parseLocalDate('2026-3-5')).toThrow(/YYYY-MM-DD/);
    expect(isLocalDate('2024-02-29')).toBe(true);
  });

  it('adds days across month and year ends: 2025-12-31 + 1 → 2026-01-01, 2024-03-01 − 1 → 2024-02-29', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('clamps to month end: 01-31 + 1 month → 02-28 (02-29 in 2024), 2024-02-29 + 1 year → 2025-02-28', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('counts days without the start day: 2020-08-31 → 2020-12-20 is 111 days', () => {
    expect(daysBetween('2020-08-31', '2020-12-20')).toBe(111);
    expect(daysBetween('2026-01-01', '2026-02-01')).toBe(31);
    expect(daysBetween('2026-02-01', '2026-01-01')).toBe(-31);
    expect(daysBetween('2023-12-20', '2024-12-20')).toBe(366);
  });

  it('orders dates and exposes a namespace: LocalDate.addMonths(2026-08-31, 6) → 2027-02-28', () => {
    expect(compareDates('2026-01-02', '2026-01-01')).toBe(1);
    expect(LocalDate.addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });
});
