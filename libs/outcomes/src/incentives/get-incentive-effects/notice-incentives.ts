import { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@qingshou/calendar';
import {
  amountInWords,
  type Balance,
  formatMoney,
  type LoanAccount,
  minDate,
  sumMoney,
} from '@qingshou/ledger';
import {
  evaluateIncentive,
  incentiveFigures,
  type IncentiveStatus,
} from '../relief/evaluate-incentive';
import { incentiveRule, type PinnedIncentive } from '../relief/incentive-rules';
import { approvalStatesOf } from '../support/incentive-rows';

/** An account as the engine priced it: its terms and the ledger's computation. */
export interface PricedAccount {
  readonly accountId: string;
  readonly type: string;
  readonly loan: LoanAccount;
  readonly compute: (loan: LoanAccount, asOf: LocalDate) => Balance;
}

/** What a notice prints about one incentive (SUPPLIED_TEMPLATE_FIELDS `incentive.*`). */
export interface NoticeIncentive {
  readonly id: string;
  readonly name: string;
  /** Pay in full on or before this date to keep the waiver. */
  readonly deadline: LocalDate;
  readonly status: IncentiveStatus;
  /** Waived over the case's accounts: penalty and compound interest relieved, in yuan. */
  readonly waivedAmount: string;
  readonly waivedAmountUpper: string;
}

/** Statuses a letter can still promise or confirm; a lapsed waiver is not printed. */
const PRINTED: readonly IncentiveStatus[] = ['available', 'awaiting-approval', 'applied'];

/**
 * The incentives a notice prints for a case (the pack's `printOnNotices` ones), judged and
 * priced exactly as GetIncentiveEffects does per account — settled in time, approved — and
 * summed over the case's accounts: "在…前主动归还全部欠款的…预计可减免人民币…元". An
 * incentive still available is priced as of the notice date: what settling today earns.
 */
export async function noticeIncentives(
  em: EntityManager,
  tenantId: string,
  incentives: readonly PinnedIncentive[],
  accounts: readonly PricedAccount[],
  asOf: LocalDate,
): Promise<NoticeIncentive[]> {
  const rules = incentives.map(incentiveRule).filter((r) => r.printOnNotices && r.deadline);
  if (rules.length === 0 || accounts.length === 0) return [];
  const kinds = [...new Set(rules.map((r) => r.approvalKind).filter((k): k is string => !!k))];
  const states = await approvalStatesOf(
    em,
    tenantId,
    accounts.map((a) => a.accountId),
    kinds,
  );
  const out: NoticeIncentive[] = [];
  for (const rule of rules) {
    const judged = accounts.map((a) => {
      const state = rule.approvalKind ? states.get(a.accountId)?.get(rule.approvalKind) : null;
      const approved = state === null || state === 'approved';
      const outcome = evaluateIncentive(rule, a, approved, asOf, a.compute);
      return { account: a, outcome };
    });
    const printed = judged.filter((j) => PRINTED.includes(j.outcome.status));
    if (printed.length === 0) continue;
    const waived = printed.map(({ account, outcome }) => {
      const at = outcome.settledOn ?? minDate(asOf, rule.deadline as string);
      return incentiveFigures(rule, account.loan, at, account.compute).waived.total;
    });
    const total = formatMoney(sumMoney(waived));
    out.push({
      id: rule.id,
      name: rule.names.zh,
      deadline: rule.deadline as string,
      status: printed.some((p) => p.outcome.status === 'available')
        ? 'available'
        : printed[0].outcome.status,
      waivedAmount: total,
      waivedAmountUpper: amountInWords(total),
    });
  }
  return out;
}
