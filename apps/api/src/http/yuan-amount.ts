import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** Yuan with at most two decimals, as the ledger stores it (never through a float). */
const PLAIN = /^\d{1,16}(\.\d{1,2})?$/;
const SIGNED = /^-?\d{1,16}(\.\d{1,2})?$/;
/** Thousands grouped by commas, as people write amounts: 1,000 / 12,345.50. */
const GROUPED = /^(-?)(\d{1,3}(?:,\d{3})+)(\.\d{1,2})?$/;

/**
 * THE parser of typed amounts, for the API and the console alike (its forms reuse the API's
 * DTOs): "1,000", "1,000.50", "¥1,000.00" and surrounding spaces become "1000", "1000.50",
 * "1000.00". Commas only in groups of three: "1,00" stays as typed and is refused.
 * Anything not a string passes unchanged (the validator refuses it).
 */
export function normalizeYuanText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value
    .trim()
    .replace(/^[¥￥]\s*/, '')
    .replace(/，/g, ',');
  const grouped = GROUPED.exec(text);
  return grouped ? `${grouped[1]}${grouped[2].replace(/,/g, '')}${grouped[3] ?? ''}` : text;
}

/**
 * A yuan amount field: normalised by normalizeYuanText, then checked (at most two
 * decimals; `signed` lets a ledger adjustment be negative). The constraint is named
 * `isYuanAmount` so the console words it in Chinese.
 */
export function IsYuanAmount(
  options: { signed?: boolean } = {},
  validation?: ValidationOptions,
): PropertyDecorator {
  const pattern = options.signed ? SIGNED : PLAIN;
  const transform = Transform(({ value }) => normalizeYuanText(value));
  const check = ValidateBy(
    {
      name: 'isYuanAmount',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && pattern.test(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'amount'} must be an amount in yuan such as 1000.00 or 1,000.00 (at most 2 decimals)`,
      },
    },
    validation,
  );
  return (target: object, property: string | symbol) => {
    transform(target, property);
    check(target, property);
  };
}
