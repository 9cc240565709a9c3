// 'nzh/cn' has no typings under moduleResolution node10; the root export carries them.
import Nzh from 'nzh';
import { formatMoney, MoneyInput } from './money';

/**
 * 中文大写金额 for notices and receipts, per the PBOC rules for writing amounts on payment
 * instruments (正确填写票据和结算凭证的基本规定): '整' after 元 or 角 when there is no 分,
 * never after 分; a '零' between 元 and 分 when 角 is zero; '壹拾' rather than '拾'.
 * nzh's defaults drop '整' after a zero fraction written as '.00' and add a '人民币' prefix,
 * so we feed it the fen-rounded string with forceZheng and no symbol.
 *
 *   1234.50   → 壹仟贰佰叁拾肆元伍角整
 *   775.00    → 柒佰柒拾伍元整
 *   100000.05 → 壹拾万元零伍分
 *
 * Negative amounts are refused: the standard has no form for them, and a notice demanding a
 * negative sum is a bug upstream.
 */
export function amountInWords(amount: MoneyInput): string {
  const fixed = formatMoney(amount);
  if (fixed.startsWith('-'))
    throw new RangeError(`no capital form for a negative amount: ${fixed}`);
  return Nzh.cn.toMoney(fixed, { outSymbol: false, forceZheng: true, tenMin: false });
}
