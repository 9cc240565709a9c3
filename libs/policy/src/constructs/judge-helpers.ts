import { addDays, compareLocalDates, type LocalDate } from '@qingshou/calendar';
import { dec } from '@qingshou/ledger';

/** Both bounds inclusive; an absent bound does not limit. */
export const inRange = (value: number, min?: number, max?: number): boolean =>
  (min === undefined || value >= min) && (max === undefined || value <= max);

/** Decimal bounds (yuan, ratios) compared exactly. */
export const inDecimalRange = (value: string, min?: unknown, max?: unknown): boolean => {
  const v = dec(value);
  return (
    (min === undefined || v.gte(dec(String(min)))) && (max === undefined || v.lte(dec(String(max))))
  );
};

/** The date falls in the `days` days ending on asOf (asOf-days+1 … asOf). */
export const withinDays = (date: LocalDate, asOf: LocalDate, days: number): boolean =>
  compareLocalDates(date, addDays(asOf, -days)) > 0 && compareLocalDates(date, asOf) <= 0;
