import type { KpiInputName } from '@qingshou/outcomes';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** "22,990,000" → "22990000.00"; null when it is not a positive amount with at most 2 decimals. */
export function figureAmount(text: string): string | null {
  const plain = text.replace(/[,，\s]/g, '');
  if (!AMOUNT.test(plain)) return null;
  const [whole, fraction = ''] = plain.split('.');
  const amount = `${BigInt(whole).toString()}.${`${fraction}00`.slice(0, 2)}`;
  return amount === '0.00' ? null : amount;
}

/**
 * The period a figure entered today is for: the plan and the recoveries before the book are
 * the year's; a deposit balance is the month's, in force until a later month's replaces it.
 */
export function figurePeriod(input: KpiInputName, today: string) {
  const year = today.slice(0, 4);
  const periodStart = input === 'deposit-balance' ? `${today.slice(0, 7)}-01` : `${year}-01-01`;
  return { periodStart, periodEnd: `${year}-12-31` };
}

/** The form's fields f_<input>: blank leaves the figure, the same amount changes nothing. */
export function figureChanges(
  inputs: readonly KpiInputName[],
  current: ReadonlyMap<string, string>,
  body: Readonly<Record<string, unknown>>,
) {
  const values: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const changes: { input: KpiInputName; amount: string }[] = [];
  for (const input of inputs) {
    const raw = body[`f_${input}`];
    const text = typeof raw === 'string' ? raw.trim() : '';
    values[input] = text;
    if (text === '') continue;
    const amount = figureAmount(text);
    if (amount === null) errors[input] = 'figures.badAmount';
    else if (current.get(input) !== amount) changes.push({ input, amount });
  }
  return { values, errors, changes };
}
