import { ValidationFailedError } from '@qingshou/core';
import { addMonths, dec, formatMoney, roundFen, type LocalDate } from '@qingshou/ledger';
import type { PlanRulesView } from '../ports/plan-rules';

export interface PlanTerms {
  /** The arrears the plan covers (principal and interest overdue), as the ledger states them. */
  readonly arrears: string;
  /** Penalty interest (罚息) owed on the arrears. */
  readonly penalty: string;
  /** The part of the penalty waived on condition the plan is kept. */
  readonly waiver: string;
  readonly downPayment: string;
  readonly count: number;
  /** The down payment's due date (the plan's start). */
  readonly startOn: LocalDate;
  /** The first instalment's due date; the others follow every `intervalMonths` from it. */
  readonly firstDueOn: LocalDate;
  /** 每期间隔 in months (1 monthly, 3 quarterly); default 1. */
  readonly intervalMonths?: number;
}

export interface PlanInstalment {
  /** 0 = the down payment (首付), 1…count the instalments. */
  readonly seq: number;
  readonly dueOn: LocalDate;
  readonly amount: string;
}

export interface PlanSplit {
  readonly total: string;
  readonly instalments: PlanInstalment[];
}

/**
 * The plan's total (arrears + penalty − waiver) split into the down payment and `count`
 * equal instalments, each rounded half-up to the fen once; the last takes the remainder, so
 * the instalments add up to the total to the fen (13,200.00 − 1,200.00 down = 12 × 1,000.00).
 * Every pack rule broken is named at its field, all at once.
 */
export function splitPlan(terms: PlanTerms, rules: PlanRulesView): PlanSplit {
  const problems: { path: string; reason: string }[] = [];
  const fail = (path: string, reason: string) => problems.push({ path, reason });
  const penalty = dec(terms.penalty);
  const waiver = dec(terms.waiver);
  const total = dec(terms.arrears).plus(penalty).minus(waiver);
  const down = dec(terms.downPayment);
  if (waiver.gt(roundFen(penalty.times(rules.maxPenaltyWaiverShare))))
    fail('waiver', `may waive at most ${rules.maxPenaltyWaiverShare} of the penalty`);
  if (!total.gt(0)) fail('arrears', 'the plan must cover more than nothing');
  if (down.lt(roundFen(total.times(rules.minDownPaymentShare))) || down.gt(total))
    fail('downPayment', `must be at least ${rules.minDownPaymentShare} of the total`);
  if (!Number.isInteger(terms.count) || terms.count < 1 || terms.count > rules.maxInstalments)
    fail('count', `must be 1 to ${rules.maxInstalments} instalments`);
  if (terms.firstDueOn < terms.startOn) fail('firstDueOn', 'must not be before the start');
  const every = terms.intervalMonths ?? 1;
  if (!Number.isInteger(every) || every < 1 || every > 12)
    fail('intervalMonths', 'must be a whole number of months from 1 to 12');
  const step = Number.isInteger(every) && every >= 1 ? every : 1;
  const last = addMonths(terms.firstDueOn, (Math.max(terms.count, 1) - 1) * step);
  if (last > addMonths(terms.startOn, rules.maxTermMonths))
    fail('count', `the last instalment must fall within ${rules.maxTermMonths} months`);
  const rest = total.minus(down);
  const each = roundFen(rest.div(Math.max(terms.count, 1)));
  if (each.lt(rules.minInstalment))
    fail('count', `each instalment must be at least ${rules.minInstalment}`);
  if (problems.length > 0)
    throw new ValidationFailedError("The plan breaks the pack's rules", problems);
  const instalments: PlanInstalment[] = [];
  if (down.gt(0)) instalments.push({ seq: 0, dueOn: terms.startOn, amount: formatMoney(down) });
  for (let k = 1; k <= terms.count; k += 1) {
    const amount = k < terms.count ? each : rest.minus(each.times(terms.count - 1));
    instalments.push({
      seq: k,
      dueOn: addMonths(terms.firstDueOn, (k - 1) * step),
      amount: formatMoney(amount),
    });
  }
  return { total: formatMoney(total), instalments };
}

export interface InstalmentMatch {
  readonly seq: number;
  readonly paid: string;
  /** Covered in full by the receipts, in order. */
  readonly kept: boolean;
}

/** Receipts since the plan's start fill the instalments in order (oldest first), to the fen. */
export function matchReceipts(
  instalments: readonly { seq: number; amount: string }[],
  received: string,
): InstalmentMatch[] {
  let left = dec(received);
  return instalments.map((i) => {
    const amount = dec(i.amount);
    const paid = left.gte(amount) ? amount : left.gt(0) ? left : dec('0');
    left = left.minus(paid);
    return { seq: i.seq, paid: formatMoney(paid), kept: paid.eq(amount) };
  });
}
