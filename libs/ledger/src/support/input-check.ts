import { FieldProblem, ValidationFailedError } from '@qingshou/core';
import Decimal from 'decimal.js';
import { isLocalDate, LocalDate } from '../domain/local-date';
import { MoneyParseError, parseMoney } from '../domain/money';
import { parseRate } from '../domain/rate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Collects every bad field of one command before refusing it, so a caller (API, CLI,
 * import row) learns all problems at once. Paths are relative to the command's input
 * (`idNumber`, `schedule.installments[2].principal`); the HTTP edge prefixes `body.`.
 * Commands arrive from the CLI and imports too, so handlers re-check what DTOs checked.
 */
export class InputCheck {
  private readonly problems: FieldProblem[] = [];

  add(path: string, reason: string): void {
    this.problems.push({ path, reason });
  }

  money(path: string, value: string): Decimal | undefined {
    try {
      return parseMoney(value);
    } catch (error) {
      this.add(path, reasonOf(error));
      return undefined;
    }
  }

  /** A rate as a fraction ('0.06') or percentage ('6%'), stored as numeric(9,6). */
  rate(path: string, value: string): Decimal | undefined {
    try {
      const rate = parseRate(value);
      if (rate.isNegative()) this.add(path, 'must not be negative');
      else if (rate.decimalPlaces() > 6) this.add(path, 'at most 6 decimal places as a fraction');
      else if (rate.greaterThanOrEqualTo(1000)) this.add(path, 'is implausibly large');
      else return rate;
    } catch (error) {
      this.add(path, reasonOf(error));
    }
    return undefined;
  }

  date(path: string, value: string): LocalDate | undefined {
    if (isLocalDate(value)) return value;
    this.add(path, 'must be a calendar date written YYYY-MM-DD');
    return undefined;
  }

  /** Ids are uuids; anything else would reach PostgreSQL as a type error (a 500). */
  uuid(path: string, value: string): boolean {
    if (UUID.test(value)) return true;
    this.add(path, 'must be a UUID');
    return false;
  }

  get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws a 400-class ValidationFailedError listing every problem, if there is any. */
  done(what: string): void {
    if (this.ok) return;
    const n = this.problems.length;
    throw new ValidationFailedError(
      `${what} has ${n} invalid field${n === 1 ? '' : 's'}`,
      this.problems,
    );
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof MoneyParseError) return error.message.replace(/^Not an amount: .* — /, '');
  return error instanceof Error ? error.message : String(error);
}
