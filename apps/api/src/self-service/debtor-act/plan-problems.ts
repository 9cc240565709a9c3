import type { ValidationFailedError } from '@qingshou/core';
import { dec } from '@qingshou/ledger';
import type { OpenLink } from '@qingshou/self-service';

const percent = (share: string) => `${dec(share).times(100).toFixed(0)}%`;

/** The plan's refusals (splitPlan's fields) in Chinese, with the pack's own numbers. */
export function planProblemText(
  error: ValidationFailedError,
  link: OpenLink,
): Record<string, string> {
  const plans = link.rules.plans;
  const out: Record<string, string> = {};
  for (const problem of error.problems ?? []) {
    switch (problem.path) {
      case 'downPayment':
        out.downPayment = `首付不得低于欠款合计的 ${percent(plans?.minDownPaymentShare ?? '0')}`;
        break;
      case 'count':
        out.count = `期数为 1 至 ${plans?.maxInstalments ?? 1} 期，最长 ${plans?.maxTermMonths ?? 1} 个月，每期不少于 ${plans?.minInstalment ?? '0.01'} 元`;
        break;
      case 'firstDueOn':
        out.firstDueOn = '首期还款日不得早于今天';
        break;
      default:
        out.action = '分期方案不符合本机构的规则，请调整后再提交';
    }
  }
  return Object.keys(out).length ? out : { action: '分期方案不符合本机构的规则，请调整后再提交' };
}
