import { isLocalDate } from '@qingshou/ledger';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Amounts travel as strings so no yuan ever passes through a JS float. */
export const AMOUNT = /^-?\d{1,16}(\.\d{1,2})?$/;
export const AMOUNT_MESSAGE =
  'must be an amount as a string with at most 2 decimals, e.g. "1234.50"';

/** A rate as a fraction ('0.0435') or a percentage ('4.35%'). */
export const RATE = /^\d{1,3}(\.\d{1,8})?%?$/;
export const RATE_MESSAGE = 'must be a rate such as "0.0435" or "4.35%"';

/** 'YYYY-MM-DD' and a real calendar day (no 2026-02-30). */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isLocalDate(value),
        defaultMessage: () => 'must be a calendar date written YYYY-MM-DD',
      },
    },
    options,
  );
}
