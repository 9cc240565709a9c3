import { classifyByDpd, DpdBand } from './dpd-threshold';

/** 五级分类. */
export type LoanClass = 'pass' | 'special-mention' | 'substandard' | 'doubtful' | 'loss';

export const LOAN_CLASS_ZH: Readonly<Record<LoanClass, string>> = {
  pass: '正常',
  'special-mention': '关注',
  substandard: '次级',
  doubtful: '可疑',
  loss: '损失',
};

/**
 * Default DPD cut-offs, after the CBIRC risk-classification rules (金融资产风险分类办法):
 * any overdue → at least special-mention, > 90 days substandard, > 180 doubtful, > 360 loss.
 * Real classification also weighs collateral and judgement; the pack may move the lines.
 */
export const DEFAULT_LOAN_CLASS_BANDS: readonly DpdBand<LoanClass>[] = [
  { label: 'pass', minDpd: 0 },
  { label: 'special-mention', minDpd: 1 },
  { label: 'substandard', minDpd: 91 },
  { label: 'doubtful', minDpd: 181 },
  { label: 'loss', minDpd: 361 },
];

export function loanClass(
  dpd: number,
  bands: readonly DpdBand<LoanClass>[] = DEFAULT_LOAN_CLASS_BANDS,
): LoanClass {
  return classifyByDpd(dpd, bands);
}

/** 不良贷款 = substandard + doubtful + loss. */
export function isNonPerforming(c: LoanClass): boolean {
  return c === 'substandard' || c === 'doubtful' || c === 'loss';
}

/** '正常' → 'pass', for importing co-op ledgers that carry the class in Chinese. */
export function loanClassFromZh(label: string): LoanClass {
  const found = (Object.keys(LOAN_CLASS_ZH) as LoanClass[]).find(
    (k) => LOAN_CLASS_ZH[k] === label.trim(),
  );
  if (!found) throw new RangeError(`unknown five-category class (五级分类): ${label}`);
  return found;
}
