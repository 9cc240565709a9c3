import { FieldProblem } from '@qingshou/core';
import { FormSpec } from '../forms/form-state';
import { PageContext } from '../render/page-context';

/** How the money came in (还款渠道): the payment's `source`, so a receipt no. is unique per channel. */
export const PAYMENT_CHANNELS = ['bank-transfer', 'cash', 'wechat', 'alipay', 'pos'] as const;

export const PAYMENT_FORM: FormSpec = {
  id: 'payment',
  fields: ['accountId', 'amount', 'paidOn', 'channel', 'receiptNo', 'note'],
};
/** One 冲正 form per receipt row: its element ids carry the payment's id. */
export const reversalSpec = (paymentId: string): FormSpec => ({
  id: `reversal-${paymentId}`,
  fields: ['reason'],
});

/** Money as the ledger takes it: positive, at most two decimals (fen), no float. */
const MONEY = /^\d{1,16}(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The 还款登记 form's own checks, in Chinese at each field, before the ledger is asked (the
 * ledger checks again and refuses in its own words; those go to the form's summary).
 */
export function paymentProblems(
  page: PageContext,
  values: Record<string, string>,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const need = (field: string) => {
    if (!values[field]?.trim()) problems.push({ path: field, reason: page.t('form.required') });
    return values[field]?.trim() ?? '';
  };
  if (!need('accountId')) return problems;
  const amount = need('amount');
  if (amount && (!MONEY.test(amount) || /^0+(\.0+)?$/.test(amount))) {
    problems.push({ path: 'amount', reason: page.t('finance.err.amount') });
  }
  const paidOn = need('paidOn');
  if (paidOn && !DATE.test(paidOn)) {
    problems.push({ path: 'paidOn', reason: page.t('finance.err.date') });
  } else if (paidOn && paidOn > today) {
    problems.push({ path: 'paidOn', reason: page.t('finance.err.future', { today }) });
  }
  const channel = need('channel');
  if (channel && !(PAYMENT_CHANNELS as readonly string[]).includes(channel)) {
    problems.push({ path: 'channel', reason: page.t('finance.err.channel') });
  }
  const receipt = need('receiptNo');
  if (receipt.length > 128) {
    problems.push({ path: 'receiptNo', reason: page.t('finance.err.tooLong', { max: 128 }) });
  }
  if ((values.note ?? '').length > 500) {
    problems.push({ path: 'note', reason: page.t('finance.err.tooLong', { max: 500 }) });
  }
  return problems;
}
