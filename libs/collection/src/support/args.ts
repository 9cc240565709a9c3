import { isLocalDate, type LocalDate } from '@qingshou/calendar';
import { ValidationFailedError } from '@qingshou/core';
import { formatMoney, parseMoney } from '@qingshou/ledger';
import { CODE_PATTERN } from '../domain/vocabulary';

/**
 * Commands are also sent by the CLI and by jobs, not only through validated DTOs, so the
 * handlers check their own arguments. A bad one is a 400 naming the field.
 */
function bad(path: string, reason: string): never {
  throw new ValidationFailedError(`${path} ${reason}`, [{ path, reason }]);
}

export function dateArg(value: string, path: string): LocalDate {
  if (!isLocalDate(value)) bad(path, 'must be a real date written YYYY-MM-DD');
  return value;
}

/** A positive amount of money to the fen, returned normalised ('1000.00'). */
export function moneyArg(value: string, path: string): string {
  let amount;
  try {
    amount = parseMoney(value);
  } catch (error) {
    return bad(path, (error as Error).message);
  }
  if (!amount.gt(0)) bad(path, 'must be more than 0');
  if (amount.gte('1e16')) bad(path, 'must be less than 10^16');
  return formatMoney(amount);
}

export function codeArg(value: string, path: string): string {
  if (!CODE_PATTERN.test(value)) bad(path, 'must be a code: lowercase letters, digits and dashes');
  return value;
}

export function oneOf<T extends string>(value: string, allowed: readonly T[], path: string): T {
  if (!(allowed as readonly string[]).includes(value))
    bad(path, `must be one of: ${allowed.join(', ')}`);
  return value as T;
}

export function textArg(value: string | undefined | null, path: string, max = 2000): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) bad(path, `must be at most ${max} characters`);
  return trimmed === '' ? null : trimmed;
}

export function instantArg(value: string, path: string): Date {
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(ms)) {
    bad(path, 'must be an ISO 8601 instant such as 2026-03-11T10:00:00+08:00');
  }
  return new Date(ms);
}

export function priorityArg(value: number | undefined, path: string): number {
  if (value === undefined) return 0;
  if (!Number.isInteger(value) || value < 0 || value > 100)
    bad(path, 'must be a whole number 0–100');
  return value;
}

export { bad as invalidArgument };
