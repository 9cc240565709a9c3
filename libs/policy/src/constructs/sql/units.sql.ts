import type { DpdBand, LoanClass } from '@qingshou/ledger';

export interface UnitSqlOptions {
  readonly basis?: string;
  readonly loanClassBands?: readonly DpdBand<LoanClass>[];
}

/** `units (…) as (body)`: the CTE every metric's SQL form yields. */
export const unitsCte = (body: string) =>
  `units (unit_key, debtor_id, account_id, case_id, num, den) as (${body})`;
