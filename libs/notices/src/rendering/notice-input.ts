import { isLocalDate } from '@qingshou/calendar';
import { type FieldProblem, ValidationFailedError } from '@qingshou/core';
import type { NoticeInputField } from './front-matter';

const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const DEFAULT_TEXT_LENGTH = 500;

/** One value checked against its declaration; a reason when it does not fit. */
function checkValue(field: NoticeInputField, value: unknown): { value: unknown } | string {
  switch (field.type) {
    case 'text': {
      const max = field.maxLength ?? DEFAULT_TEXT_LENGTH;
      if (typeof value !== 'string' || value.trim() === '') return 'must be text';
      return value.length > max ? `must be at most ${max} characters` : { value };
    }
    case 'date':
      return isLocalDate(value) ? { value } : 'must be a calendar date written YYYY-MM-DD';
    case 'money': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !MONEY.test(text)) {
        return 'must be an amount of yuan such as 1200.50 (at most two decimals)';
      }
      // Printed as the ledger prints amounts: two decimals, so the money helper reads it alike.
      const [whole, fen = ''] = text.split('.');
      return { value: `${whole.replace(/^0+(?=\d)/, '')}.${fen.padEnd(2, '0')}` };
    }
    case 'integer':
      return Number.isSafeInteger(value) && (value as number) >= 0
        ? { value }
        : 'must be a whole number ≥ 0';
  }
}

/**
 * The user-input fields of a letter (front matter `input:`), checked: a field the template
 * does not declare is refused by name (a caller cannot smuggle amounts, params or a delivery
 * rule in as "input"), a required one must be given, each value must fit its type. Returns
 * the values to print under `input`, normalised (amounts with two decimals).
 */
export function checkNoticeInput(
  declared: readonly NoticeInputField[],
  given: unknown,
  path = 'input',
): Record<string, unknown> {
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  if (
    given !== undefined &&
    (given === null || typeof given !== 'object' || Array.isArray(given))
  ) {
    throw new ValidationFailedError('The letter input is not an object', [
      { path, reason: 'must be a JSON object of the fields the template declares' },
    ]);
  }
  const supplied = (given ?? {}) as Record<string, unknown>;
  const names = new Set(declared.map((f) => f.name));
  for (const key of Object.keys(supplied)) {
    if (!names.has(key)) {
      const known = [...names].join(', ') || 'none';
      problems.push({
        path: `${path}.${key}`,
        reason: `is not a field this template asks for (it asks for: ${known})`,
      });
    }
  }
  for (const field of declared) {
    const value = Object.prototype.hasOwnProperty.call(supplied, field.name)
      ? supplied[field.name]
      : undefined;
    if (value === undefined || value === null || value === '') {
      if (field.required) problems.push({ path: `${path}.${field.name}`, reason: 'is required' });
      continue;
    }
    const checked = checkValue(field, value);
    if (typeof checked === 'string')
      problems.push({ path: `${path}.${field.name}`, reason: checked });
    else values[field.name] = checked.value;
  }
  if (problems.length > 0) {
    throw new ValidationFailedError(
      `The letter input has ${problems.length} invalid field(s)`,
      problems,
    );
  }
  return values;
}
