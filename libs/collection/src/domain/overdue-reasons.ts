/** A label in both languages the console shows. */
export interface Labelled<C extends string = string> {
  readonly code: C;
  readonly zh: string;
  readonly en: string;
}

/**
 * The default overdue-reason taxonomy: the six causes of 篇六. Knowing the cause picks the
 * method (篇五 第十六条: cash-rich debtors are pressed for cash, failing businesses are offered
 * settlement in kind). Packs may replace the list; codes are slugs.
 */
export const DEFAULT_OVERDUE_REASONS = [
  {
    code: 'business-cash-flow',
    zh: '正常经营资金周转困难（欠费、货款未收回，票据未入账，账期未结）',
    en: 'Cash-flow squeeze in normal business (receivables not collected, bills not cleared)',
  },
  {
    code: 'market-change',
    zh: '市场变化造成资金周转困难（产品价格下跌、原材料涨价、金融危机）',
    en: 'Market change (falling product prices, input costs, financial crisis)',
  },
  {
    code: 'family-change',
    zh: '家庭变化（离婚、结婚、子女上学、住房装修）',
    en: 'Change in the family (divorce, marriage, school fees, home renovation)',
  },
  { code: 'short-deposit', zh: '少存还款额', en: 'Deposited less than the installment' },
  { code: 'wrong-card', zh: '存错存折或卡', en: 'Paid into the wrong passbook or card' },
  {
    code: 'bad-faith',
    zh: '恶意骗贷，用于不正常活动或经营',
    en: 'Bad faith or fraud (loan used for gambling, luxury or illegal business)',
  },
] as const satisfies readonly Labelled[];

export type OverdueReasonCode = (typeof DEFAULT_OVERDUE_REASONS)[number]['code'];

export function isDefaultOverdueReason(code: string): code is OverdueReasonCode {
  return DEFAULT_OVERDUE_REASONS.some((reason) => reason.code === code);
}
