import { DEFAULT_LOAN_CLASS_BANDS, type DpdBand, type LoanClass } from '@qingshou/ledger';

/**
 * The 五级分类 of a DPD column by the pack's bands (or the ledger's defaults). Loan class is
 * a regulatory figure: callers pass the raw (contractual) DPD, never the effective one.
 */
export function loanClassSql(
  column: string,
  bands: readonly DpdBand<LoanClass>[] | undefined,
): string {
  const list = [...(bands && bands.length ? bands : DEFAULT_LOAN_CLASS_BANDS)].sort(
    (a, b) => b.minDpd - a.minDpd,
  );
  const arms = list.map((b) => {
    // Bands are validated integers and labels from a closed list; checked again because
    // they are written into the statement's text.
    if (!Number.isInteger(b.minDpd) || !/^[a-z-]+$/.test(b.label)) {
      throw new Error(`bad loan class band ${JSON.stringify(b)}`);
    }
    return `when ${column} >= ${b.minDpd} then '${b.label}'`;
  });
  return `(case ${arms.join(' ')} else 'pass' end)`;
}

export const NPL_CLASSES = `('substandard', 'doubtful', 'loss')`;
